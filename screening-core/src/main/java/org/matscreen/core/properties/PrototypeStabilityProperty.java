package org.matscreen.core.properties;

import static org.matscreen.core.properties.PropertyColumn.number;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.matscreen.core.sim.CellShape;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxMode;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.RelaxedState;
import org.matscreen.core.sim.Step;
import org.matscreen.core.structure.StructureIdentity;

/**
 * The instability probe of relaxation mode {@code both}: the shape-fixed relaxed cell, strained by
 * {@link CellShape#PROBE_STRAIN}, relaxed again with all six cell components free. A cell that leaves its prototype
 * shows that the prototype is unstable at this composition; the energy it gains says by how much.
 */
final class PrototypeStabilityProperty implements PropertyCalculation {

    @Override
    public String name() {
        return "prototype-stability";
    }

    @Override
    public String source() {
        return "the free relaxation of the instability probe";
    }

    @Override
    public String offWhen() {
        return "method.relax.mode is not both";
    }

    @Override
    public String description() {
        return "free relaxation of the shape-fixed cell (relaxation mode both): energy gained and structure reached";
    }

    @Override
    public boolean enabled(RelaxSettings relax, PropertySettings settings) {
        return relax.mode() == RelaxMode.BOTH;
    }

    @Override
    public Set<Step> steps(RelaxSettings relax, PropertySettings settings) {
        return Set.of(Step.RELAX_FREE, Step.LOCAL_STRUCTURE);
    }

    @Override
    public List<PropertyColumn> columns() {
        return List.of(
                number("free_energy_gain_ev_per_atom", "eV/atom",
                        "energy the free relaxation gains below the shape-fixed one (≥ 0 up to the tolerances)"),
                PropertyColumn.text("free_structure_after", "structure_after of the freely relaxed cell"),
                number("free_cell_c_over_a", "", "cell_c_over_a of the freely relaxed cell"),
                number("free_cell_shape_strain", "", "cell_shape_strain of the freely relaxed cell"),
                new PropertyColumn("free_lattice_vectors_angstrom", PropertyColumn.Kind.LIST_DOUBLE, "Å",
                        "cell vectors a, b, c of the freely relaxed cell, 9 numbers row by row"),
                PropertyColumn.bool("free_relax_converged", "the free relaxation met the force and stress tolerances"),
                PropertyColumn.bool("prototype_stable", "the freely relaxed cell retains the prototype (the criteria"
                        + " of prototype_retained)"));
    }

    @Override
    public List<RecordFlag> flags() {
        return List.of(RecordFlag.PROTOTYPE_UNSTABLE);
    }

    @Override
    public void derive(PropertyInput in, CandidateProperties.Builder out) {
        RelaxedState free = in.outcome().free();
        if (free == null) {
            in.note("prototype stability unknown: the simulation code returned no free relaxation");
            return;
        }
        StructureIdentity id = StructureIdentity.of(in.prototype(), in.supercell(), free.structure().lattice(),
                StructureIdentityProperty.classes(free.structure(), free.siteClasses()));
        List<Double> vectors = new ArrayList<>();
        for (double x : free.structure().lattice().rowMajor()) {
            vectors.add(x);
        }
        out.put("free_energy_gain_ev_per_atom", in.outcome().energyPerAtomEv() - free.energyPerAtomEv())
                .put("free_structure_after", id.structureAfter())
                .put("free_cell_c_over_a", id.cOverA())
                .put("free_cell_shape_strain", id.shapeStrain())
                .put("free_lattice_vectors_angstrom", vectors)
                .put("free_relax_converged", free.relaxation().converged())
                .put("prototype_stable", id.retained());
        if (Boolean.FALSE.equals(id.retained())) {
            out.flag(RecordFlag.PROTOTYPE_UNSTABLE);
        }
    }
}
