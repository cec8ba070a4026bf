package org.matscreen.core.sim;

import java.util.Locale;
import org.matscreen.core.error.InvalidInputException;

/**
 * Which of the two questions a relaxation answers a campaign asks (see {@link Step}).
 *
 * <p>{@link #BOTH} is the default: the energy and properties of the solid solution in the requested prototype come
 * from the shape-fixed relaxation (what mixing enthalpies against same-prototype references mean), and the free
 * relaxation tells whether that prototype is mechanically stable at the composition. The probe costs one more
 * minimisation, a small fraction of a candidate with an E(V) scan and an elastic tensor.
 */
public enum RelaxMode {
    /** Cell shape held to the prototype's symmetry; no instability probe. */
    SHAPE_FIXED,
    /** All six cell components relaxed; properties belong to whatever structure the cell relaxes to. */
    FREE,
    /** Shape-fixed for energies and properties, plus a free relaxation as the instability probe. */
    BOTH;

    public static final RelaxMode DEFAULT = BOTH;

    /** {@code shape-fixed}, {@code free} or {@code both}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static RelaxMode parse(String text, String source, String field) {
        if (text != null) {
            for (RelaxMode m : values()) {
                if (m.key().equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return m;
                }
            }
        }
        throw new InvalidInputException(source, field, "unknown relaxation mode '" + text
                + "' (known: shape-fixed, free, both)");
    }
}
