package org.matscreen.core.descriptors;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.matscreen.core.composition.Composition;

/**
 * Composition descriptors and sustainability metrics of one alloy, computed by {@link DescriptorCalculator} from the
 * element data of a {@link DescriptorData}. Every number is NaN when it is unknown: either an element (or, for ΔH_mix,
 * an element pair) has no value in the table it needs, in which case {@link #missing(String)} names it, or the quantity
 * is undefined for this composition (Ω of a single element), in which case nothing is missing. No value is ever
 * filled in by a guess. Keys, units and default directions are listed by {@link DescriptorRegistry}.
 *
 * @param composition the composition described
 * @param deltaPct atomic-size mismatch δ = 100·sqrt(Σ c_i (1 − r_i/r̄)²), r̄ = Σ c_i r_i, %; key {@code delta_pct}
 * @param vec valence electron concentration Σ c_i VEC_i, electrons per atom (HEA convention); key {@code vec}
 * @param mixingEntropyJPerMolK ideal configurational ΔS_mix = −R Σ c_i ln c_i, J/(mol·K); key
 *     {@code ds_mix_j_per_mol_k}
 * @param mixingEnthalpyKjPerMol ΔH_mix = Σ_{i&lt;j} 4 ΔH_ij c_i c_j with Takeuchi–Inoue pair values, kJ/mol; key
 *     {@code dh_mix_ti_kj_per_mol}
 * @param omega Ω = T_m ΔS_mix / |ΔH_mix| (Yang &amp; Zhang 2012), dimensionless; +∞ when ΔH_mix = 0 (within
 *     {@link MixingRules#ZERO_ENTHALPY_KJ_PER_MOL}) and ΔS_mix &gt; 0; NaN for a single element; key {@code omega}
 * @param meltingPointK rule-of-mixtures melting point Σ c_i T_m,i, K; key {@code t_melt_k}
 * @param priceUsdPerKg raw-material price of one kg of alloy, Σ w_i p_i with mass fractions w_i, USD/kg (nominal
 *     dollars of the price years); key {@code price_usd_per_kg}
 * @param priceYearMin earliest year among the element prices used; 0 when the price is unknown
 * @param priceYearMax latest year among the element prices used; 0 when the price is unknown
 * @param hhiProduction mass-weighted Herfindahl–Hirschman index of production Σ w_i HHI_P,i, 0–10000; key
 *     {@code hhi_production}
 * @param hhiReserves mass-weighted Herfindahl–Hirschman index of reserves Σ w_i HHI_R,i, 0–10000; key
 *     {@code hhi_reserves}
 * @param co2KgPerKg cradle-to-gate global warming potential of the raw elements per kg of alloy, Σ w_i GWP_i, kg
 *     CO2-eq/kg; key {@code co2_kg_per_kg}
 * @param embodiedEnergyMjPerKg cradle-to-gate embodied energy of the raw elements per kg of alloy, Σ w_i E_i, MJ/kg;
 *     key {@code embodied_energy_mj_per_kg}
 * @param criticalAtomFraction atom fraction of elements on the critical-raw-materials list, 0–1; key
 *     {@code critical_fraction}
 * @param criticalMassFraction mass fraction of elements on the critical-raw-materials list, 0–1; key
 *     {@code critical_mass_fraction}
 * @param phaseHint fcc / fcc+bcc / bcc from VEC by the rule of Guo et al. (2011)
 * @param missing for each descriptor key that is unknown for lack of data, the elements (or pairs {@code A-B}) that
 *     lack it; keys of known descriptors are absent
 */
public record Descriptors(Composition composition, double deltaPct, double vec, double mixingEntropyJPerMolK,
        double mixingEnthalpyKjPerMol, double omega, double meltingPointK, double priceUsdPerKg, int priceYearMin,
        int priceYearMax, double hhiProduction, double hhiReserves, double co2KgPerKg, double embodiedEnergyMjPerKg,
        double criticalAtomFraction, double criticalMassFraction, PhaseHint phaseHint,
        Map<String, List<String>> missing) implements Serializable {

    public Descriptors {
        Objects.requireNonNull(composition, "composition");
        Objects.requireNonNull(phaseHint, "phaseHint");
        TreeMap<String, List<String>> copy = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : missing.entrySet()) {
            DescriptorRegistry.require(e.getKey());
            if (!e.getValue().isEmpty()) {
                copy.put(e.getKey(), List.copyOf(e.getValue()));
            }
        }
        missing = Collections.unmodifiableMap(copy);
    }

    /** The value of the descriptor with this registry key (NaN if unknown). */
    public double value(String key) {
        return DescriptorRegistry.value(this, key);
    }

    /** True if the descriptor with this key has a value (+∞ counts as a value: Ω with ΔH_mix = 0). */
    public boolean isKnown(String key) {
        return !Double.isNaN(value(key));
    }

    /** Elements (or {@code A-B} pairs) whose missing data made this descriptor unknown; empty if none. */
    public List<String> missing(String key) {
        DescriptorRegistry.require(key);
        return missing.getOrDefault(key, List.of());
    }

    /** Concentration band of {@link #hhiProduction()}. */
    public HhiBand hhiProductionBand() {
        return HhiBand.of(hhiProduction);
    }

    /** Concentration band of {@link #hhiReserves()}. */
    public HhiBand hhiReservesBand() {
        return HhiBand.of(hhiReserves);
    }

    /** Every numeric descriptor by key, in {@link DescriptorRegistry#all()} order, for reports and columns. */
    public Map<String, Double> asMap() {
        LinkedHashMap<String, Double> m = new LinkedHashMap<>();
        for (DescriptorInfo info : DescriptorRegistry.all()) {
            m.put(info.key(), value(info.key()));
        }
        return Collections.unmodifiableMap(m);
    }
}
