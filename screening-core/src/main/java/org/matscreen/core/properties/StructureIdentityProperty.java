package org.matscreen.core.properties;

import static org.matscreen.core.properties.PropertyColumn.number;

import java.util.List;
import java.util.Set;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Step;
import org.matscreen.core.structure.CommonNeighbourAnalysis;
import org.matscreen.core.structure.Structure;
import org.matscreen.core.structure.StructureIdentity;

/**
 * What the primary relaxed cell is: the share of each local structure among its atoms (common-neighbour analysis)
 * and its strain against the prototype's ideal cell; flags a cell that no longer is its prototype. Thresholds: see
 * {@link StructureIdentity}.
 */
final class StructureIdentityProperty implements PropertyCalculation {

    @Override
    public String name() {
        return "structure-identity";
    }

    @Override
    public String description() {
        return "local structure of the atoms (common-neighbour analysis) and cell strain of the primary relaxed cell";
    }

    @Override
    public Set<Step> steps(RelaxSettings relax, PropertySettings settings) {
        return Set.of(Step.LOCAL_STRUCTURE);
    }

    @Override
    public List<PropertyColumn> columns() {
        return List.of(
                PropertyColumn.text("structure_after", "what the relaxed cell's atoms are: fcc, hcp or bcc when ≥ "
                        + pct(StructureIdentity.CLASS_FRACTION) + " of them have that common-neighbour signature,"
                        + " other when ≥ " + pct(StructureIdentity.OTHER_FRACTION) + " have none, else mixed"),
                number("cna_fcc_fraction", "", "share of atoms with the fcc common-neighbour signature"),
                number("cna_hcp_fraction", "", "share of atoms with the hcp common-neighbour signature"),
                number("cna_bcc_fraction", "", "share of atoms with the bcc common-neighbour signature"),
                number("cna_other_fraction", "", "share of atoms with none of the three signatures"),
                number("cell_c_over_a", "", "hcp: c/a of the relaxed cell (ideal 1.633); cubic: Bain ratio, the"
                        + " conventional edge most unlike the other two over their mean (1 cubic, 0.707 bcc-like,"
                        + " 1.414 fcc-like)"),
                number("cell_shape_strain", "", "largest over smallest principal stretch − 1 of the relaxed cell"
                        + " against the prototype's ideal cell of the same volume (0.414 for the Bain path)"),
                PropertyColumn.bool("prototype_retained", "structure_after is the prototype, the shape strain is ≤ "
                        + StructureIdentity.MAX_SHAPE_STRAIN + " and (hcp) c/a is within "
                        + pct(StructureIdentity.MAX_C_OVER_A_DEVIATION) + " of 1.633"));
    }

    /**
     * The code's own per-atom classes, or, from a code without a local-structure analysis (a DFT code), matscreen's
     * Java analysis of the same cell with the same cut-offs and signatures ({@link CommonNeighbourAnalysis}).
     */
    static int[] classes(Structure cell, int[] fromCode) {
        return fromCode.length > 0 ? fromCode : CommonNeighbourAnalysis.classify(cell);
    }

    private static String pct(double f) {
        return Math.round(100 * f) + " %";
    }

    @Override
    public List<RecordFlag> flags() {
        return List.of(RecordFlag.TRANSFORMED);
    }

    @Override
    public void derive(PropertyInput in, CandidateProperties.Builder out) {
        StructureIdentity id = StructureIdentity.of(in.prototype(), in.supercell(), in.outcome().relaxed().lattice(),
                classes(in.outcome().relaxed(), in.outcome().siteClasses()));
        out.put("structure_after", id.structureAfter())
                .put("cna_fcc_fraction", id.fccFraction())
                .put("cna_hcp_fraction", id.hcpFraction())
                .put("cna_bcc_fraction", id.bccFraction())
                .put("cna_other_fraction", id.otherFraction())
                .put("cell_c_over_a", id.cOverA())
                .put("cell_shape_strain", id.shapeStrain())
                .put("prototype_retained", id.retained());
        if (Boolean.FALSE.equals(id.retained())) {
            out.flag(RecordFlag.TRANSFORMED);
        }

    }
}
