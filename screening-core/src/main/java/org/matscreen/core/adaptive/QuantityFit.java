package org.matscreen.core.adaptive;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One quantity of a round's surrogate, as the manifest records it.
 *
 * @param metric the metric key
 * @param simulated true for a Gaussian process fitted to simulations; false for a descriptor computed exactly
 * @param trainingPoints observations the model is conditioned on
 * @param fitPoints observations the hyperparameters were fitted on
 * @param signalSd kernel standard deviation, in the metric's unit
 * @param noiseSd noise standard deviation of one observation, in the metric's unit
 * @param lengthScales length scale per feature, in standardised feature units (large: the feature hardly matters)
 * @param logMarginalLikelihood of the standardised targets at these hyperparameters
 */
public record QuantityFit(String metric, boolean simulated, int trainingPoints, int fitPoints, double signalSd,
        double noiseSd, Map<String, Double> lengthScales, double logMarginalLikelihood) {
    public QuantityFit {
        lengthScales = new LinkedHashMap<>(lengthScales);
    }
}
