package org.matscreen.core.properties;

import java.util.List;
import java.util.Set;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Step;

/**
 * One property of a candidate, end to end: when it is on, which code-neutral protocol {@link Step}s it needs from
 * the simulation code, which record columns (with units) it fills, which flags it may raise, and how it derives its
 * values from the code's raw outcome in pure Java. The record schema, its documentation, the metric catalogue and the
 * steps a request carries all come from the registered properties ({@link PropertyRegistry}), so a new property is
 * one implementation of this interface, one line in the registry, and its test.
 */
public interface PropertyCalculation {

    /** Short name for documentation, e.g. {@code equation-of-state}. */
    String name();

    /** One sentence: what the property is and how it is obtained. */
    String description();

    /** Whether the campaign's settings switch this property on. */
    default boolean enabled(RelaxSettings relax, PropertySettings settings) {
        return true;
    }

    /** What the values come from, for messages, e.g. "the elastic constants". */
    default String source() {
        return "the " + name() + " property";
    }

    /** The campaign setting that leaves this property off, for messages, e.g. "method.properties.eos is false". */
    default String offWhen() {
        return "";
    }

    /** Whether this property fills {@code column} for cells of {@code prototype} (when enabled). */
    default boolean computes(String column, org.matscreen.core.structure.Prototype prototype) {
        return true;
    }

    /** The steps this property needs when enabled (beyond the primary relaxation, which every request has). */
    Set<Step> steps(RelaxSettings relax, PropertySettings settings);

    /** The columns this property fills, in record order. */
    List<PropertyColumn> columns();

    /** The flags this property may raise. */
    List<RecordFlag> flags();

    /**
     * Derives this property's values from an OK outcome. A value that cannot be derived is left unset and the reason
     * passed to {@link PropertyInput#note(String)}; nothing here throws for a problem of the candidate.
     */
    void derive(PropertyInput in, CandidateProperties.Builder out);
}
