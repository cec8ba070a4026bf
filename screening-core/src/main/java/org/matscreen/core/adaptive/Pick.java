package org.matscreen.core.adaptive;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A candidate a round chose to simulate, with what the model expected of it (for the manifest, and for calibration
 * once it is computed).
 *
 * @param index the candidate's index in the campaign's enumeration
 * @param acquisition the acquisition value when it was picked (after the batch rule's earlier picks); NaN for picks
 *     of the space-filling design, which no model chose
 * @param mean predicted value per simulated metric (empty for design picks)
 * @param sd predicted standard deviation of an observed value per simulated metric: latent uncertainty and noise
 *     combined, the spread the outcome should show (empty for design picks)
 */
public record Pick(long index, double acquisition, Map<String, Double> mean, Map<String, Double> sd) {
    public Pick {
        mean = new LinkedHashMap<>(mean);
        sd = new LinkedHashMap<>(sd);
    }

    /** A pick of the space-filling design. */
    static Pick design(long index) {
        return new Pick(index, Double.NaN, Map.of(), Map.of());
    }
}
