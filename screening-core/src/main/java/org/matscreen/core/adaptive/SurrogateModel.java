package org.matscreen.core.adaptive;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matscreen.core.descriptors.DescriptorCalculator;
import org.matscreen.core.descriptors.Descriptors;
import org.matscreen.core.screening.Metrics;
import org.matscreen.core.space.Candidate;
import org.matscreen.core.space.CandidateSpace;

/**
 * The fitted surrogate of one round: a {@link GaussianProcess} per simulated quantity (an objective or filter metric
 * that a simulation produces) on the campaign's {@link FeatureMap}, and the exact value for a quantity that is a
 * composition descriptor. Serializable and small (training inputs and one Cholesky factor per process), so a job
 * broadcasts it and executors predict the whole space from the streamed enumeration.
 */
public final class SurrogateModel implements Serializable {
    private static final long serialVersionUID = 1L;

    private final FeatureMap features;
    private final String[] metrics;
    /** Per quantity: the process, or null for a descriptor known exactly. */
    private final GaussianProcess[] processes;
    private final DescriptorCalculator calculator;

    private SurrogateModel(FeatureMap features, String[] metrics, GaussianProcess[] processes) {
        this.features = features;
        this.metrics = metrics;
        this.processes = processes;
        this.calculator = DescriptorCalculator.standard();
    }

    /** Whether a metric is simulated (modelled) rather than computed from the composition (known exactly). */
    public static boolean simulated(String metric) {
        return Metrics.isPropertyMetric(metric);
    }

    /** Simulated quantities with fewer than this many finite observations cannot be fitted. */
    public static final int MIN_OBSERVATIONS = 3;

    /**
     * Fits one process per simulated quantity on the observations where it is finite.
     *
     * @throws IllegalArgumentException if a simulated quantity has fewer than {@link #MIN_OBSERVATIONS} finite values
     */
    public static SurrogateModel fit(CandidateSpace space, FeatureMap features, List<String> metrics,
            List<Observation> observations, HyperparameterFit.Options options) {
        Map<Long, double[]> inputs = new LinkedHashMap<>();
        GaussianProcess[] gps = new GaussianProcess[metrics.size()];
        for (int q = 0; q < metrics.size(); q++) {
            String metric = metrics.get(q);
            if (!simulated(metric)) {
                continue;
            }
            List<double[]> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (Observation o : observations) {
                double v = o.value(metric);
                if (Double.isFinite(v)) {
                    x.add(inputs.computeIfAbsent(o.index(), i -> features.features(space.candidate(i))));
                    y.add(v);
                }
            }
            if (y.size() < MIN_OBSERVATIONS) {
                throw new IllegalArgumentException(metric + " has " + y.size() + " finite observations, fewer than "
                        + MIN_OBSERVATIONS);
            }
            gps[q] = GaussianProcess.fit(x.toArray(new double[0][]), y.stream().mapToDouble(Double::doubleValue)
                    .toArray(), new HyperparameterFit.Options(options.restarts(), options.maxFitPoints(),
                            options.seed() * 31 + q));
        }
        return new SurrogateModel(features, metrics.toArray(new String[0]), gps);
    }

    /** The quantities' metric keys, in prediction order. */
    public List<String> metrics() {
        return List.of(metrics);
    }

    public FeatureMap features() {
        return features;
    }

    /** The process of quantity {@code q}, or null if it is a descriptor known exactly. */
    public GaussianProcess process(int q) {
        return processes[q];
    }

    /** Noise standard deviation of an observation of quantity {@code q} (0 for an exact descriptor). */
    public double noiseSd(int q) {
        return processes[q] == null ? 0 : processes[q].noiseSd();
    }

    /** Posterior mean and latent standard deviation of every quantity for one candidate. */
    public Prediction predict(Candidate c) {
        double[] x = features.features(c);
        double[] mean = new double[metrics.length];
        double[] sd = new double[metrics.length];
        double[] out = new double[2];
        Descriptors descriptors = null;
        for (int q = 0; q < metrics.length; q++) {
            if (processes[q] == null) {
                if (descriptors == null) {
                    descriptors = calculator.compute(c.composition());
                }
                mean[q] = descriptors.value(metrics[q]);
                sd[q] = 0;
            } else {
                processes[q].predict(x, new double[processes[q].trainingPoints()], out);
                mean[q] = out[0];
                sd[q] = out[1];
            }
        }
        return new Prediction(mean, sd);
    }

    /** Predictions for a batch of candidates, in order. */
    public List<Prediction> predict(List<Candidate> candidates) {
        List<Prediction> out = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            out.add(predict(c));
        }
        return out;
    }

    /** What the manifest records about this model. */
    public List<QuantityFit> summary() {
        List<QuantityFit> out = new ArrayList<>();
        List<String> names = features.names();
        for (int q = 0; q < metrics.length; q++) {
            GaussianProcess gp = processes[q];
            if (gp == null) {
                out.add(new QuantityFit(metrics[q], false, 0, 0, 0, 0, Map.of(), Double.NaN));
                continue;
            }
            Map<String, Double> ls = new LinkedHashMap<>();
            double[] l = gp.lengthScales();
            for (int d = 0; d < l.length; d++) {
                ls.put(names.get(d), l[d]);
            }
            out.add(new QuantityFit(metrics[q], true, gp.trainingPoints(), gp.fitPoints(), gp.signalSd(),
                    gp.noiseSd(), ls, gp.logMarginalLikelihood()));
        }
        return out;
    }
}
