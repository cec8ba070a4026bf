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

    /** A calculation started by {@link #submit}; {@link #await} returns its outcome, once. */
    @FunctionalInterface
    interface Submitted {
        /** Waits for the outcome, with {@link #compute}'s guarantees (never throws for the candidate's problems). */
        CalculationOutcome await();
    }

    /**
     * Starts one calculation and, where the code runs in another process, returns without waiting for it: the caller
     * prepares its next candidate and records the previous one while the code computes, so the code does not wait for
     * the caller between candidates. One calculation at a time per session: await it before the next submit or
     * compute. By default (the code runs in the caller's thread) the calculation runs when awaited.
     */
    default Submitted submit(CalculationRequest request) {
        return () -> compute(request);
    }

    /** The code's name and version as the library reports it, e.g. "LAMMPS 20210929". */
    String codeVersion();

    /**
     * Worker processes this session lost to a crash or a timeout kill so far, each replaced by a fresh one (the run
     * summary reports them as restarts); 0 for a session that runs the code without workers.
     */
    default int workersLost() {
        return 0;
    }

    /**
     * Whether a crash of the code can end the caller's own process (the code runs in it, e.g. LAMMPS in-process). The
     * caller then remembers each candidate in flight outside the process, so that a retried task quarantines the
     * candidate that killed its predecessor instead of computing it again.
     */
    default boolean crashEndsCaller() {
        return false;
    }

    /** Releases the code's resources; idempotent. */
    @Override
    void close();
}
