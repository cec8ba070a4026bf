package org.matscreen.core.descriptors;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.matscreen.core.composition.Composition;

/**
 * Computes {@link Descriptors} for compositions from one {@link DescriptorData}. Immutable and thread-safe; cheap
 * enough (microseconds) to run per candidate on Spark executors. Atom-fraction descriptors (δ, VEC, ΔS, ΔH, T_m) use
 * {@link Composition#fractions()}; per-kg quantities (price, HHI, footprints, critical mass share) use
 * {@link Composition#massFractions()}, as pymatgen's {@code HHIModel} does, because they are amounts per kg of alloy.
 */
public final class DescriptorCalculator implements Serializable {
    private static final long serialVersionUID = 1L;

    private final DescriptorData data;

    public DescriptorCalculator(DescriptorData data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    /** A calculator on the data shipped with matscreen. */
    public static DescriptorCalculator standard() {
        return new DescriptorCalculator(DescriptorData.standard());
    }

    public DescriptorData data() {
        return data;
    }

    /**
     * All descriptors of {@code composition}. Missing element data never throws: it makes the affected descriptors
     * NaN and is listed in {@link Descriptors#missing()}.
     *
     * @throws IllegalArgumentException for an empty composition
     */
    public Descriptors compute(Composition composition) {
        Objects.requireNonNull(composition, "composition");
        if (composition.size() == 0) {
            throw new IllegalArgumentException("cannot describe an empty composition");
        }
        List<String> symbols = composition.symbols();
        double[] c = composition.fractions();
        double[] w = composition.massFractions();
        Map<String, List<String>> missing = new TreeMap<>();

        double delta = MixingRules.deltaPct(c, lookup(data.radiiPm(), symbols, DescriptorRegistry.DELTA_PCT, missing));
        double vec = MixingRules.weightedSum(c, lookup(data.vec(), symbols, DescriptorRegistry.VEC, missing));
        double entropy = MixingRules.idealMixingEntropyJPerMolK(c);
        double enthalpy = MixingRules.mixingEnthalpy(c, pairLookup(symbols, missing));
        double meltingPoint = MixingRules.weightedSum(c,
                lookup(data.meltingPointsK(), symbols, DescriptorRegistry.T_MELT, missing));
        double omega = MixingRules.omega(meltingPoint, entropy, enthalpy);
        List<String> omegaMissing = union(missing.get(DescriptorRegistry.T_MELT), missing.get(DescriptorRegistry.DH_MIX));
        if (!omegaMissing.isEmpty()) {
            missing.put(DescriptorRegistry.OMEGA, omegaMissing);
        }

        double[] prices = new double[symbols.size()];
        int yearMin = Integer.MAX_VALUE;
        int yearMax = Integer.MIN_VALUE;
        List<String> noPrice = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            Optional<ElementPrice> p = data.prices().find(symbols.get(i));
            if (p.isPresent()) {
                prices[i] = p.get().usdPerKg();
                yearMin = Math.min(yearMin, p.get().year());
                yearMax = Math.max(yearMax, p.get().year());
            } else {
                prices[i] = Double.NaN;
                noPrice.add(symbols.get(i));
            }
        }
        double price = MixingRules.weightedSum(w, prices);
        if (!noPrice.isEmpty()) {
            missing.put(DescriptorRegistry.PRICE, noPrice);
            // Years describe the prices that entered a known total; with no total there is nothing to date.
            yearMin = 0;
            yearMax = 0;
        }

        double hhiP = MixingRules.weightedSum(w,
                lookup(data.hhiProduction(), symbols, DescriptorRegistry.HHI_PRODUCTION, missing));
        double hhiR = MixingRules.weightedSum(w,
                lookup(data.hhiReserves(), symbols, DescriptorRegistry.HHI_RESERVES, missing));
        double co2 = MixingRules.weightedSum(w, lookup(data.co2KgPerKg(), symbols, DescriptorRegistry.CO2, missing));
        double energy = MixingRules.weightedSum(w,
                lookup(data.embodiedEnergyMjPerKg(), symbols, DescriptorRegistry.EMBODIED_ENERGY, missing));

        // The list is exhaustive: an element not on it is not critical, so these are never unknown.
        double criticalAtoms = 0;
        double criticalMass = 0;
        for (int i = 0; i < c.length; i++) {
            if (data.criticalElements().contains(symbols.get(i))) {
                criticalAtoms += c[i];
                criticalMass += w[i];
            }
        }

        return new Descriptors(composition, delta, vec, entropy, enthalpy, omega, meltingPoint, price, yearMin, yearMax,
                hhiP, hhiR, co2, energy, criticalAtoms, criticalMass, PhaseHint.fromVec(vec), missing);
    }

    /** Values of a table in the order of {@code symbols}; absent ones are NaN and recorded under {@code key}. */
    private static double[] lookup(ElementTable table, List<String> symbols, String key,
            Map<String, List<String>> missing) {
        double[] v = new double[symbols.size()];
        List<String> absent = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            v[i] = table.valueOf(symbols.get(i));
            if (Double.isNaN(v[i])) {
                absent.add(symbols.get(i));
            }
        }
        if (!absent.isEmpty()) {
            missing.put(key, absent);
        }
        return v;
    }

    private double[][] pairLookup(List<String> symbols, Map<String, List<String>> missing) {
        int n = symbols.size();
        double[][] h = new double[n][n];
        List<String> absent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                h[i][j] = data.mixingEnthalpyKjPerMol().valueOf(symbols.get(i), symbols.get(j));
                h[j][i] = h[i][j];
                if (Double.isNaN(h[i][j])) {
                    absent.add(PairTable.pairKey(symbols.get(i), symbols.get(j)));
                }
            }
        }
        if (!absent.isEmpty()) {
            missing.put(DescriptorRegistry.DH_MIX, absent);
        }
        return h;
    }

    private static List<String> union(List<String> a, List<String> b) {
        LinkedHashSet<String> u = new LinkedHashSet<>();
        if (a != null) {
            u.addAll(a);
        }
        if (b != null) {
            u.addAll(b);
        }
        return new ArrayList<>(u);
    }
}
