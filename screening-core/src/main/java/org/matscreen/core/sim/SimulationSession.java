package org.matscreen.core.sim;

/**
 * A live connection to a simulation code that computes candidates one at a time. Implementations decide where the
 * code runs (in this process, or in a supervised worker process that may crash without taking the caller down); a
 * session is used by one thread at a time and is reused across many candidates.
 */
public interface SimulationSession extends AutoCloseable {

    /**
     * Runs one calculation. Never throws for a problem of the candidate itself: a code error, a crash or a timeout
     * comes back as an outcome with the matching {@link Status} and the code's error text.
     */
    CalculationOutcome compute(CalculationRequest request);

    /** The code's name and version as the library reports it, e.g. "LAMMPS 20210929". */
    String codeVersion();

    /** Releases the code's resources; idempotent. */
    @Override
    void close();
}
