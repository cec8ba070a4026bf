package org.matscreen.core.descriptors;

import java.io.Serializable;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.matscreen.core.util.DataFiles;

/**
 * The per-element data the composition descriptors are built from. {@link #standard()} is the data shipped with
 * matscreen (tables under {@code org/matscreen/core/data/}, sources and licences in that folder's {@code SOURCES.md});
 * other instances serve alternative data sets and tests.
 *
 * @param radiiPm atomic radii for δ, pm (Miracle et al. 2010, via matminer)
 * @param vec valence electrons per atom in the HEA convention (Miedema.csv {@code valence_electrons}, via matminer)
 * @param meltingPointsK melting points of the elements, K (magpie {@code MeltingT}, via matminer)
 * @param mixingEnthalpyKjPerMol Takeuchi–Inoue ΔH_AB of equiatomic binary liquids, kJ/mol (via matminer)
 * @param hhiProduction Herfindahl–Hirschman index of production, 0–10000 (Gaultois et al. 2013, via pymatgen)
 * @param hhiReserves Herfindahl–Hirschman index of reserves, 0–10000 (Gaultois et al. 2013, via pymatgen)
 * @param prices element prices with their year (pymatgen costdb)
 * @param co2KgPerKg cradle-to-gate global warming potential, kg CO2-eq per kg of element
 * @param embodiedEnergyMjPerKg cradle-to-gate cumulative energy demand, MJ per kg of element
 * @param criticalElements elements that count as critical raw materials (EU 2023 list, Regulation (EU) 2024/1252)
 * @param criticalListName name of the critical-materials list, for reports
 */
public record DescriptorData(ElementTable radiiPm, ElementTable vec, ElementTable meltingPointsK,
        PairTable mixingEnthalpyKjPerMol, ElementTable hhiProduction, ElementTable hhiReserves, PriceTable prices,
        ElementTable co2KgPerKg, ElementTable embodiedEnergyMjPerKg, Set<String> criticalElements,
        String criticalListName) implements Serializable {

    public static final String RADII_FILE = "radii_miracle.csv";
    public static final String VEC_FILE = "vec_hea.csv";
    public static final String MELTING_FILE = "melting_points.csv";
    public static final String MIXING_FILE = "mixing_enthalpy_takeuchi_inoue.csv";
    public static final String HHI_FILE = "hhi_gaultois2013.csv";
    public static final String PRICE_FILE = "prices_pymatgen_costdb.csv";
    public static final String FOOTPRINT_FILE = "element_footprints.csv";
    public static final String CRITICAL_FILE = "critical_raw_materials_eu2023.csv";

    public DescriptorData {
        Objects.requireNonNull(radiiPm, "radiiPm");
        Objects.requireNonNull(vec, "vec");
        Objects.requireNonNull(meltingPointsK, "meltingPointsK");
        Objects.requireNonNull(mixingEnthalpyKjPerMol, "mixingEnthalpyKjPerMol");
        Objects.requireNonNull(hhiProduction, "hhiProduction");
        Objects.requireNonNull(hhiReserves, "hhiReserves");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(co2KgPerKg, "co2KgPerKg");
        Objects.requireNonNull(embodiedEnergyMjPerKg, "embodiedEnergyMjPerKg");
        Objects.requireNonNull(criticalListName, "criticalListName");
        TreeSet<String> critical = new TreeSet<>();
        for (String s : criticalElements) {
            critical.add(ElementTable.checkedSymbol(s, criticalListName));
        }
        criticalElements = Collections.unmodifiableSet(critical);
    }

    /** The shipped data, read once per JVM (the tables are small and immutable). */
    public static DescriptorData standard() {
        return Standard.DATA;
    }

    /** A copy with other element prices, e.g. a newer dated price table. */
    public DescriptorData withPrices(PriceTable newPrices) {
        return new DescriptorData(radiiPm, vec, meltingPointsK, mixingEnthalpyKjPerMol, hhiProduction, hhiReserves,
                newPrices, co2KgPerKg, embodiedEnergyMjPerKg, criticalElements, criticalListName);
    }

    /** A copy with other footprint tables (CO2 and embodied energy per kg of element). */
    public DescriptorData withFootprints(ElementTable newCo2KgPerKg, ElementTable newEmbodiedEnergyMjPerKg) {
        return new DescriptorData(radiiPm, vec, meltingPointsK, mixingEnthalpyKjPerMol, hhiProduction, hhiReserves,
                prices, newCo2KgPerKg, newEmbodiedEnergyMjPerKg, criticalElements, criticalListName);
    }

    /** A copy with other atomic radii for δ (e.g. pymatgen's metallic radii, converted to pm). */
    public DescriptorData withRadii(ElementTable newRadiiPm) {
        return new DescriptorData(newRadiiPm, vec, meltingPointsK, mixingEnthalpyKjPerMol, hhiProduction, hhiReserves,
                prices, co2KgPerKg, embodiedEnergyMjPerKg, criticalElements, criticalListName);
    }

    /** Holder idiom: the tables load on first use, once, thread-safely. */
    private static final class Standard {
        static final DescriptorData DATA = load();

        private static DescriptorData load() {
            Set<String> critical = new TreeSet<>();
            String[] header = DataFiles.csvHeader(CRITICAL_FILE);
            int symbol = ElementTable.columnIndex(header, "symbol", CRITICAL_FILE);
            for (String[] row : DataFiles.csvRows(CRITICAL_FILE)) {
                critical.add(row[symbol]);
            }
            return new DescriptorData(
                    ElementTable.load(RADII_FILE, "radius_pm", "pm"),
                    ElementTable.load(VEC_FILE, "vec", "e/atom"),
                    ElementTable.load(MELTING_FILE, "t_melt_k", "K"),
                    PairTable.load(MIXING_FILE, "dh_mix_kj_per_mol", "kJ/mol"),
                    ElementTable.load(HHI_FILE, "hhi_production", "HHI 0-10000"),
                    ElementTable.load(HHI_FILE, "hhi_reserves", "HHI 0-10000"),
                    PriceTable.load(PRICE_FILE),
                    ElementTable.load(FOOTPRINT_FILE, "co2_kg_per_kg", "kg CO2-eq/kg"),
                    ElementTable.load(FOOTPRINT_FILE, "embodied_energy_mj_per_kg", "MJ/kg"),
                    critical,
                    "EU critical raw materials 2023 (Regulation (EU) 2024/1252, Annex II)");
        }
    }
}
