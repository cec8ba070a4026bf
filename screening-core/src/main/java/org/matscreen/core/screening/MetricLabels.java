package org.matscreen.core.screening;

import java.util.Locale;
import java.util.Map;

/**
 * Names of metrics for people (axis titles, table captions): "Mixing enthalpy ΔH_mix" instead of the column key
 * {@code dh_mix_ev_per_atom}. Metrics without an entry are named from their key with the unit suffix removed, so a
 * new property column still gets a readable label.
 */
public final class MetricLabels {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("energy_per_atom_ev", "Energy per atom"),
            Map.entry("volume_per_atom_a3", "Volume per atom"),
            Map.entry("lattice_a_angstrom", "Lattice edge a"),
            Map.entry("lattice_b_angstrom", "Lattice edge b"),
            Map.entry("lattice_c_angstrom", "Lattice edge c"),
            Map.entry("lattice_parameter_angstrom", "Lattice parameter a"),
            Map.entry("density_g_per_cm3", "Density ρ"),
            Map.entry("dh_mix_ev_per_atom", "Mixing enthalpy ΔH_mix"),
            Map.entry("dh_form_ev_per_atom", "Formation enthalpy ΔH_f"),
            Map.entry("free_energy_gain_ev_per_atom", "Energy gained by free relaxation"),
            Map.entry("cell_c_over_a", "Cell c/a (Bain ratio)"),
            Map.entry("free_cell_c_over_a", "Free cell c/a"),
            Map.entry("bulk_modulus_gpa", "Bulk modulus B_EOS"),
            Map.entry("bulk_modulus_cij_gpa", "Bulk modulus B_Cij"),
            Map.entry("bulk_modulus_prime", "B′"),
            Map.entry("shear_modulus_gpa", "Shear modulus G (Hill)"),
            Map.entry("pugh_ratio", "Pugh ratio B/G"),
            Map.entry("magnetic_moment_mu_b_per_atom", "Magnetic moment"),
            Map.entry("c11_gpa", "C11"),
            Map.entry("c12_gpa", "C12"),
            Map.entry("c13_gpa", "C13"),
            Map.entry("c33_gpa", "C33"),
            Map.entry("c44_gpa", "C44"),
            Map.entry("c66_gpa", "C66"),
            Map.entry("delta_pct", "Size mismatch δ"),
            Map.entry("vec", "Valence electron concentration"),
            Map.entry("ds_mix_j_per_mol_k", "Mixing entropy ΔS_mix"),
            Map.entry("dh_mix_ti_kj_per_mol", "ΔH_mix (Takeuchi–Inoue)"),
            Map.entry("omega", "Ω parameter"),
            Map.entry("t_melt_k", "Melting point T_m (rule of mixtures)"),
            Map.entry("price_usd_per_kg", "Raw-material price"),
            Map.entry("hhi_production", "Supply concentration (HHI, production)"),
            Map.entry("hhi_reserves", "Supply concentration (HHI, reserves)"),
            Map.entry("co2_kg_per_kg", "CO₂ footprint"),
            Map.entry("embodied_energy_mj_per_kg", "Embodied energy"),
            Map.entry("critical_fraction", "Critical elements (atom fraction)"),
            Map.entry("critical_mass_fraction", "Critical elements (mass fraction)"));

    /** Unit suffixes of metric keys, longest first so that {@code _ev_per_atom} wins over {@code _ev}. */
    private static final String[] UNIT_SUFFIXES = {"_ev_per_atom", "_a3_per_atom", "_g_per_cm3", "_usd_per_kg",
        "_kg_per_kg", "_mj_per_kg", "_kj_per_mol", "_j_per_mol_k", "_angstrom", "_gpa", "_pct", "_mu_b_per_atom", "_ev", "_bar", "_k"};

    private MetricLabels() {}

    /** A readable name of the metric, without its unit. */
    public static String name(String key) {
        String n = NAMES.get(key);
        if (n != null) {
            return n;
        }
        String stem = key;
        for (String suffix : UNIT_SUFFIXES) {
            if (stem.endsWith(suffix) && stem.length() > suffix.length()) {
                stem = stem.substring(0, stem.length() - suffix.length());
                break;
            }
        }
        String words = stem.replace('_', ' ');
        return words.isEmpty() ? key : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** "Name (unit)", or the name alone for a dimensionless metric: an axis title. */
    public static String withUnit(String key) {
        Metric m = Metrics.all().get(key);
        String unit = m == null ? "" : m.unit();
        return unit.isEmpty() || unit.equals("1") ? name(key) : name(key) + " (" + unit + ")";
    }
}
