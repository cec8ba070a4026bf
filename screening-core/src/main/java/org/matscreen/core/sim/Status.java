package org.matscreen.core.sim;

import java.util.Locale;

/** Outcome of one candidate's calculation, as stored in the repository. */
public enum Status {
    /** Computed; see the relaxation record for convergence. */
    OK,
    /** The simulation code reported an error and carried on (the error text is kept). */
    FAILED,
    /** The calculation exceeded its wall-clock limit; the worker was restarted. */
    TIMEOUT,
    /** The simulation code ended its process (e.g. a LAMMPS error without exception support); text kept. */
    CRASHED,
    /** Crashed or timed out repeatedly; not attempted again in this campaign. */
    QUARANTINED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status parse(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
