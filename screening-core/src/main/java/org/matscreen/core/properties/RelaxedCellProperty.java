package org.matscreen.core.properties;

import static org.matscreen.core.properties.PropertyColumn.number;

import java.util.List;
import java.util.Set;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Step;
import org.matscreen.core.structure.Lattice;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.Structure;
import org.matscreen.core.structure.Supercell;

/** Energy, volume, lattice parameters and density of the primary relaxed cell; flags an unconverged relaxation. */
final class RelaxedCellProperty implements PropertyCalculation {

    @Override
    public String name() {
        return "relaxed-cell";
    }

    @Override
    public String description() {
        return "energy, volume, conventional lattice parameters and density of the primary relaxed cell";
    }

    @Override
    public Set<Step> steps(RelaxSettings relax, PropertySettings settings) {
        return Set.of();
    }

    @Override
    public List<PropertyColumn> columns() {
        return List.of(
                number("energy_per_atom_ev", "eV/atom", "relaxed potential energy per atom"),
                number("volume_per_atom_a3", "Å³/atom", "relaxed volume per atom"),
                number("lattice_a_angstrom", "Å",
                        "edge a of the relaxed conventional cell (cell edge / repeats; hcp: hexagonal a)"),
                number("lattice_b_angstrom", "Å",
                        "edge b of the relaxed conventional cell (hcp: hexagonal b, i.e. orthohombic b/√3)"),
                number("lattice_c_angstrom", "Å", "edge c of the relaxed conventional cell (hcp: hexagonal c)"),
                number("lattice_parameter_angstrom", "Å",
                        "lattice parameter a of the ideal prototype (hcp: ideal c/a) at the relaxed volume per atom"),
                number("density_g_per_cm3", "g/cm³", "mass density at the relaxed volume"));
    }

    @Override
    public List<RecordFlag> flags() {
        return List.of(RecordFlag.UNCONVERGED);
    }

    @Override
    public void derive(PropertyInput in, CandidateProperties.Builder out) {
        Structure s = in.outcome().relaxed();
        Lattice l = s.lattice();
        Supercell sc = in.supercell();
        int n = s.siteCount();
        double v = l.volume() / n;
        double b = l.length(1) / sc.nb();
        out.put("energy_per_atom_ev", in.outcome().energyEv() / n)
                .put("volume_per_atom_a3", v)
                .put("lattice_a_angstrom", l.length(0) / sc.na())
                .put("lattice_b_angstrom", in.prototype() == Prototype.HCP ? b / Math.sqrt(3) : b)
                .put("lattice_c_angstrom", l.length(2) / sc.nc())
                .put("lattice_parameter_angstrom", in.prototype().latticeParameterForVolume(v))
                .put("density_g_per_cm3", s.densityGPerCm3());
        if (!in.outcome().relaxation().converged()) {
            out.flag(RecordFlag.UNCONVERGED);
        }
    }
}
