package org.matscreen.bench;

import java.util.List;
import org.matscreen.core.sim.RelaxMode;
import org.matscreen.core.sim.RelaxProtocol;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.structure.LocalStructure;
import org.matscreen.lammps.deck.Commands;

/**
 * What every identical-protocol tool runs per candidate, as {@code LammpsCalculator} runs a campaign's one relaxation
 * with properties off: the relaxation recipe ({@link RelaxProtocol#recipe}, so the effective energy tolerance, the
 * volume step, cg, cg, then sd on restarts, and the rule that a restart gaining less than
 * {@link RelaxProtocol#minRestartGainEvPerAtom()} ends the attempts), {@code fix box/relax iso 0.0} for a shape-fixed
 * cubic cell (accepted on |P| ≤ the pressure tolerance) or {@code tri 0.0} for a free one (accepted on all six
 * components), and then the common-neighbour analysis matscreen records for every relaxed cell: {@code compute
 * cna/atom} at the fcc and the bcc cut-off of the cell's own density (capped below the potential's cut-off), each
 * followed by {@code run 0}.
 *
 * @param pairStyle e.g. {@code eam/alloy}, or {@code kim} for a KIM model
 * @param potentialPath absolute path of the potential file (KIM: the model's folder, whose name is the model id)
 * @param relax the relaxation as {@code LammpsCalculator} runs it for this campaign
 * @param cnaCapAngstrom largest CNA cut-off, 0.99 × the potential's cut-off, Å ({@code Infinity} when the potential
 *     states none matscreen reads, as for KIM models)
 */
record Protocol(String pairStyle, String potentialPath, RelaxProtocol relax, double cnaCapAngstrom) {
    /** The neighbour skin {@code LammpsCalculator} asks for, Å. */
    static final double NEIGHBOUR_SKIN = 1.0;
    /** The compute id {@code LammpsCalculator} uses for the analysis. */
    static final String CNA_ID = "matscreen_cna";
    /** {@code LammpsCalculator} keeps CNA cut-offs this far inside the potential's own (LAMMPS requires it). */
    static final double CNA_CAP_FRACTION = 0.99;
    static final String KIM = "kim";

    Protocol {
        if (relax.cell() != RelaxProtocol.CellFreedom.VOLUME && relax.cell() != RelaxProtocol.CellFreedom.FULL) {
            throw new IllegalArgumentException("the baselines run shape-fixed cubic (iso) or free (tri) relaxations,"
                    + " not " + relax.cell().key());
        }
    }

    /**
     * The protocol of a campaign's relaxation settings: shape-fixed (a cubic prototype: volume only) or free. A
     * campaign with {@code mode: both} adds the free probe from a strained shape-fixed cell, which the baselines do
     * not reproduce, so it is refused here.
     */
    static Protocol of(String pairStyle, String potentialPath, RelaxSettings campaign, double cnaCapAngstrom) {
        RelaxProtocol.CellFreedom cell = switch (campaign.mode()) {
            case SHAPE_FIXED -> RelaxProtocol.CellFreedom.VOLUME;
            case FREE -> RelaxProtocol.CellFreedom.FULL;
            case BOTH -> throw new IllegalArgumentException("the cross-tool comparison runs one relaxation: the"
                    + " campaign must set relax: {mode: shape-fixed} (or free), not both");
        };
        return new Protocol(pairStyle, potentialPath, RelaxProtocol.recipe(cell, campaign), cnaCapAngstrom);
    }

    boolean shapeFixed() {
        return relax.cell() == RelaxProtocol.CellFreedom.VOLUME;
    }

    /** {@code iso} or {@code tri}: the box mode, as the cell file and the Python baselines name it. */
    String box() {
        return shapeFixed() ? "iso" : "tri";
    }

    static RelaxMode mode(String box) {
        return switch (box) {
            case "iso" -> RelaxMode.SHAPE_FIXED;
            case "tri" -> RelaxMode.FREE;
            default -> throw new IllegalArgumentException("box mode must be iso or tri: " + box);
        };
    }

    RelaxSettings settings() {
        return relax.settings();
    }

    boolean kim() {
        return KIM.equals(pairStyle);
    }

    /** The KIM model id: the last element of the model's folder. */
    String kimModel() {
        String p = potentialPath.replaceAll("/+$", "");
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** The {@code fix box/relax} command of every attempt, made by the builder {@code LammpsCalculator} uses. */
    String boxRelax() {
        return shapeFixed() ? Commands.boxRelaxShapeFixed(false, 0.0, relax.maxVolumeChangePerStep())
                : Commands.boxRelaxFree(0.0, relax.maxVolumeChangePerStep());
    }

    /** The thermo keywords whose absolute values the acceptance test holds to the pressure tolerance. */
    List<String> acceptedPressures() {
        return shapeFixed() ? List.of("press") : List.of("pxx", "pyy", "pzz", "pyz", "pxz", "pxy");
    }

    /** The two CNA cut-offs (fcc pass, bcc pass) of a cell with this volume per atom, Å. */
    double[] cnaCutoffs(double volumePerAtom) {
        double root = Math.cbrt(volumePerAtom);
        return new double[] {Math.min(cnaCapAngstrom, LocalStructure.FCC_CUTOFF_PER_VOLUME_ROOT * root),
            Math.min(cnaCapAngstrom, LocalStructure.BCC_CUTOFF_PER_VOLUME_ROOT * root)};
    }
}
