package org.matscreen.core.descriptors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.matscreen.core.error.InvalidInputException;

/**
 * The composition descriptors by key: name, unit, default direction and source. Screening criteria and reports refer
 * to descriptors only through these keys, so a key, once published, keeps its meaning and unit.
 */
public final class DescriptorRegistry {
    private static final String MATMINER = "element data via matminer (Ward et al., Comput. Mater. Sci. 152, 60 (2018))";

    /** Source, year and scope of both footprints (element_footprints.csv). */
    public static final String FOOTPRINT_SOURCE = "P. Nuss, M. J. Eckelman, PLOS ONE 9, e101298 (2014),"
            + " doi:10.1371/journal.pone.0101298 (CC BY 4.0); 2008 global averages of primary metal, cradle to gate:"
            + " recycled content, regional grids and alloy making not included; an element without a value makes it"
            + " unknown";

    public static final String DELTA_PCT = "delta_pct";
    public static final String VEC = "vec";
    public static final String DS_MIX = "ds_mix_j_per_mol_k";
    public static final String DH_MIX = "dh_mix_ti_kj_per_mol";
    public static final String OMEGA = "omega";
    public static final String T_MELT = "t_melt_k";
    public static final String PRICE = "price_usd_per_kg";
    public static final String HHI_PRODUCTION = "hhi_production";
    public static final String HHI_RESERVES = "hhi_reserves";
    public static final String CO2 = "co2_kg_per_kg";
    public static final String EMBODIED_ENERGY = "embodied_energy_mj_per_kg";
    public static final String CRITICAL_FRACTION = "critical_fraction";
    public static final String CRITICAL_MASS_FRACTION = "critical_mass_fraction";

    private record Entry(DescriptorInfo info, ToDoubleFunction<Descriptors> getter) {}

    private static final Map<String, Entry> ENTRIES;
    private static final List<DescriptorInfo> ALL;

    static {
        Map<String, Entry> m = new LinkedHashMap<>();
        // Smaller δ favours a solid solution (Yang & Zhang: δ ≤ 6.6 %).
        add(m, DELTA_PCT, "atomic-size mismatch δ", "%", Direction.MINIMISE,
                "Yang & Zhang, Mater. Chem. Phys. 132, 233 (2012); radii of Miracle et al., Int. Mater. Rev. 55, 218 (2010), "
                        + MATMINER,
                Descriptors::deltaPct);
        // VEC selects a phase (fcc/bcc) rather than being better high or low.
        add(m, VEC, "valence electron concentration", "e/atom", Direction.NONE,
                "Guo et al., J. Appl. Phys. 109, 103505 (2011); Miedema.csv valence_electrons, " + MATMINER,
                Descriptors::vec);
        add(m, DS_MIX, "ideal mixing entropy ΔS_mix", "J/(mol K)", Direction.MAXIMISE,
                "−R Σ c_i ln c_i, R = 8.314462618 J/(mol K) (CODATA 2018)", Descriptors::mixingEntropyJPerMolK);
        // Solid solutions form in a window (about −15 to +5 kJ/mol), so no monotone default.
        add(m, DH_MIX, "mixing enthalpy ΔH_mix (Takeuchi–Inoue pairs)", "kJ/mol", Direction.NONE,
                "Σ_{i<j} 4 ΔH_ij c_i c_j; ΔH_ij of Takeuchi & Inoue, Mater. Trans. 46, 2817 (2005), " + MATMINER,
                Descriptors::mixingEnthalpyKjPerMol);
        // Larger Ω favours a solid solution (Yang & Zhang: Ω ≥ 1.1).
        add(m, OMEGA, "Ω = T_m ΔS_mix / |ΔH_mix|", "1", Direction.MAXIMISE,
                "Yang & Zhang, Mater. Chem. Phys. 132, 233 (2012)", Descriptors::omega);
        // Default for high-temperature alloy screening; a campaign for low-melting alloys states MINIMISE.
        add(m, T_MELT, "rule-of-mixtures melting point", "K", Direction.MAXIMISE,
                "Σ c_i T_m,i; magpie MeltingT, " + MATMINER, Descriptors::meltingPointK);
        add(m, PRICE, "raw-material price (mass-weighted)", "USD/kg", Direction.MINIMISE,
                "Σ w_i p_i; pymatgen costdb_elements.csv (prices of 2013, a few of 2019–2020; year carried in the result)",
                Descriptors::priceUsdPerKg);
        add(m, HHI_PRODUCTION, "HHI of production (mass-weighted)", "HHI 0-10000", Direction.MINIMISE,
                "Gaultois et al., Chem. Mater. 25, 2911 (2013), via pymatgen hhi_data.csv", Descriptors::hhiProduction);
        add(m, HHI_RESERVES, "HHI of reserves (mass-weighted)", "HHI 0-10000", Direction.MINIMISE,
                "Gaultois et al., Chem. Mater. 25, 2911 (2013), via pymatgen hhi_data.csv", Descriptors::hhiReserves);
        add(m, CO2, "cradle-to-gate CO2 footprint of the elements (mass-weighted)", "kg CO2-eq/kg",
                Direction.MINIMISE, "Σ w_i GWP_i (IPCC 100-year); " + FOOTPRINT_SOURCE, Descriptors::co2KgPerKg);
        add(m, EMBODIED_ENERGY, "cradle-to-gate embodied energy of the elements (mass-weighted)", "MJ/kg",
                Direction.MINIMISE, "Σ w_i CED_i (cumulative energy demand); " + FOOTPRINT_SOURCE,
                Descriptors::embodiedEnergyMjPerKg);
        add(m, CRITICAL_FRACTION, "atom fraction of critical raw materials", "1", Direction.MINIMISE,
                "EU 2023 critical raw materials, Regulation (EU) 2024/1252 Annex II", Descriptors::criticalAtomFraction);
        add(m, CRITICAL_MASS_FRACTION, "mass fraction of critical raw materials", "1", Direction.MINIMISE,
                "EU 2023 critical raw materials, Regulation (EU) 2024/1252 Annex II", Descriptors::criticalMassFraction);
        ENTRIES = Collections.unmodifiableMap(m);
        List<DescriptorInfo> all = new ArrayList<>();
        m.values().forEach(e -> all.add(e.info()));
        ALL = List.copyOf(all);
    }

    private DescriptorRegistry() {}

    private static void add(Map<String, Entry> m, String key, String label, String unit, Direction direction,
            String source, ToDoubleFunction<Descriptors> getter) {
        if (m.put(key, new Entry(new DescriptorInfo(key, label, unit, direction, source), getter)) != null) {
            throw new IllegalStateException("duplicate descriptor key " + key);
        }
    }

    /** Every descriptor, in a fixed order (the column order of reports). */
    public static List<DescriptorInfo> all() {
        return ALL;
    }

    public static Optional<DescriptorInfo> find(String key) {
        Entry e = key == null ? null : ENTRIES.get(key);
        return e == null ? Optional.empty() : Optional.of(e.info());
    }

    /**
     * The descriptor with this key.
     *
     * @throws InvalidInputException naming {@code source} and {@code field} and listing the known keys
     */
    public static DescriptorInfo require(String key, String source, String field) {
        return find(key).orElseThrow(() -> new InvalidInputException(source, field,
                "unknown descriptor '" + key + "'; known: " + String.join(", ", ENTRIES.keySet())));
    }

    /** The descriptor with this key; for code paths whose key is not user input. */
    public static DescriptorInfo require(String key) {
        return require(key, "descriptor", "key");
    }

    /** The value of descriptor {@code key} in {@code d} (NaN if unknown). */
    public static double value(Descriptors d, String key) {
        require(key);
        return ENTRIES.get(key).getter().applyAsDouble(d);
    }
}
