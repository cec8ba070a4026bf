package org.matscreen.core.adaptive;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.descriptors.DescriptorCalculator;
import org.matscreen.core.descriptors.DescriptorInfo;
import org.matscreen.core.descriptors.DescriptorRegistry;
import org.matscreen.core.descriptors.Descriptors;
import org.matscreen.core.space.Candidate;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.core.structure.Prototype;

/**
 * The surrogate's inputs for a candidate: the atomic fraction of every element of the campaign, the prototype (one
 * indicator per prototype when there are several) and the composition descriptors matscreen computes, each
 * standardised by its mean and standard deviation over a seeded sample of the space. Fixed for a campaign, so every
 * round's model sees the same coordinates.
 *
 * <p>A descriptor is used only if it is known for every element (and, for ΔH_mix, every pair) of the campaign, so it
 * is finite for every candidate; Ω is left out because it is unbounded where ΔH_mix vanishes (and it is a function
 * of T_m, ΔS_mix and ΔH_mix, which are in). Features that do not vary over the sample carry no information and are
 * dropped.
 */
public final class FeatureMap implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Candidates sampled to standardise the features. */
    static final int SAMPLE = 4000;

    private final String[] elements;
    private final Prototype[] prototypes;
    private final String[] descriptors;
    private final int[] kept;
    private final double[] mean;
    private final double[] scale;
    private final String[] names;
    private final DescriptorCalculator calculator;

    private FeatureMap(String[] elements, Prototype[] prototypes, String[] descriptors, int[] kept, double[] mean,
            double[] scale, String[] names, DescriptorCalculator calculator) {
        this.elements = elements;
        this.prototypes = prototypes;
        this.descriptors = descriptors;
        this.kept = kept;
        this.mean = mean;
        this.scale = scale;
        this.names = names;
        this.calculator = calculator;
    }

    /** The feature map of a campaign's space; {@code seed} picks the standardisation sample. */
    public static FeatureMap of(CandidateSpace space, long seed) {
        DescriptorCalculator calc = DescriptorCalculator.standard();
        String[] els = space.elementsUsed().toArray(new String[0]);
        Prototype[] protos = space.prototypes().size() > 1 ? space.prototypes().toArray(new Prototype[0])
                : new Prototype[0];
        Map<String, Double> equiatomic = new LinkedHashMap<>();
        for (String e : els) {
            equiatomic.put(e, 1.0);
        }
        Descriptors all = calc.compute(Composition.of(equiatomic));
        List<String> desc = new ArrayList<>();
        for (DescriptorInfo info : DescriptorRegistry.all()) {
            if (!info.key().equals(DescriptorRegistry.OMEGA) && Double.isFinite(all.value(info.key()))) {
                desc.add(info.key());
            }
        }
        FeatureMap raw = new FeatureMap(els, protos, desc.toArray(new String[0]), null, null, null, null, calc);
        List<String> rawNames = raw.rawNames();
        long[] sample = SpaceSample.indices(space, SAMPLE, seed);
        int width = rawNames.size();
        double[] sum = new double[width];
        double[] sum2 = new double[width];
        for (long i : sample) {
            double[] f = raw.rawFeatures(space.candidate(i));
            for (int k = 0; k < width; k++) {
                sum[k] += f[k];
                sum2[k] += f[k] * f[k];
            }
        }
        List<Integer> keep = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> scales = new ArrayList<>();
        for (int k = 0; k < width; k++) {
            double m = sum[k] / sample.length;
            double var = Math.max(0, sum2[k] / sample.length - m * m);
            double sd = Math.sqrt(var);
            if (sd > 1e-9 * Math.max(1, Math.abs(m))) {
                keep.add(k);
                means.add(m);
                scales.add(sd);
            }
        }
        int[] kept = keep.stream().mapToInt(Integer::intValue).toArray();
        String[] names = keep.stream().map(rawNames::get).toArray(String[]::new);
        return new FeatureMap(els, protos, raw.descriptors, kept,
                means.stream().mapToDouble(Double::doubleValue).toArray(),
                scales.stream().mapToDouble(Double::doubleValue).toArray(), names, calc);
    }

    private List<String> rawNames() {
        List<String> n = new ArrayList<>();
        for (String e : elements) {
            n.add("x_" + e);
        }
        for (Prototype p : prototypes) {
            n.add("prototype_" + p.key());
        }
        for (String d : descriptors) {
            n.add(d);
        }
        return n;
    }

    private double[] rawFeatures(Candidate c) {
        double[] f = new double[elements.length + prototypes.length + descriptors.length];
        Composition comp = c.composition();
        int k = 0;
        for (String e : elements) {
            f[k++] = comp.contains(e) ? comp.fraction(e) : 0;
        }
        for (Prototype p : prototypes) {
            f[k++] = c.prototype() == p ? 1 : 0;
        }
        if (descriptors.length > 0) {
            Descriptors d = calculator.compute(comp);
            for (String key : descriptors) {
                double v = d.value(key);
                if (!Double.isFinite(v)) {
                    throw new IllegalStateException("descriptor " + key + " of " + comp.formula() + " is " + v
                            + " although every element of the campaign has the data it needs");
                }
                f[k++] = v;
            }
        }
        return f;
    }

    /** Standardised features of a candidate, in the order of {@link #names()}. */
    public double[] features(Candidate c) {
        double[] raw = rawFeatures(c);
        double[] f = new double[kept.length];
        for (int i = 0; i < kept.length; i++) {
            f[i] = (raw[kept[i]] - mean[i]) / scale[i];
        }
        return f;
    }

    /** Feature names: {@code x_<element>}, {@code prototype_<key>}, descriptor keys. */
    public List<String> names() {
        return List.of(names);
    }

    public int size() {
        return kept.length;
    }
}
