package org.matscreen.core.sim;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link SimulationCode} computes and how it must run, for the engine's checks and for {@code plan}.
 *
 * @param steps the protocol steps a session implements; a campaign asking for another one is rejected before it runs
 * @param magneticMoments whether outcomes carry the cell's magnetic moment
 * @param processIsolation whether sessions run the code in supervised worker processes (a crash costs a worker, not
 *     the caller)
 * @param coresPerSession CPU cores one session keeps busy (Spark task slots are sized by it)
 * @param modelKind what a calculation's model is: {@code interatomic-potential} or {@code dft}
 */
public record CodeCapabilities(Set<Step> steps, boolean magneticMoments, boolean processIsolation,
        int coresPerSession, String modelKind) implements Serializable {

    public static final String INTERATOMIC_POTENTIAL = "interatomic-potential";
    public static final String DFT = "dft";

    public CodeCapabilities {
        steps = steps.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(steps);
        Objects.requireNonNull(modelKind, "modelKind");
        if (coresPerSession < 1) {
            throw new IllegalArgumentException("coresPerSession must be >= 1, got " + coresPerSession);
        }
    }

    @Override
    public Set<Step> steps() {
        return steps.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(steps);
    }

    /** The steps of {@code wanted} this code does not implement (empty: it can run them all). */
    public Set<Step> missing(Set<Step> wanted) {
        Set<Step> m = wanted.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(wanted);
        m.removeAll(steps);
        return m;
    }
}
