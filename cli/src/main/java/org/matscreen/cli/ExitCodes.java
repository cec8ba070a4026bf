package org.matscreen.cli;

/** Named exit codes of the {@code matscreen} command. */
public final class ExitCodes {
    public static final int OK = 0;
    /** An internal error (a bug, or an environment failure matscreen could not explain better). */
    public static final int ERROR = 1;
    /** Invalid input: a campaign file, option or path the user gave is wrong; the message says which and why. */
    public static final int INVALID_INPUT = 2;
    /** A native component (the LAMMPS library, a worker process) is missing or broken; the message says the fix. */
    public static final int NATIVE = 3;
    /** The command ran but what it checks failed (e.g. {@code doctor} found a missing piece). */
    public static final int CHECK_FAILED = 4;
    /**
     * The run stopped at its {@code --deadline} with candidates left: what was computed is committed, and rerunning
     * the same command resumes. Batch scripts treat it as "resubmit", not as a failure.
     */
    public static final int INCOMPLETE = 5;
    /**
     * The run ended and every record of the repository is a failure ({@code failed}, {@code timeout}, {@code crashed},
     * {@code quarantined}): nothing was lost, but nothing is usable either. Typically a broken potential or library,
     * or a time limit far too short; the records' error texts say which.
     */
    public static final int ALL_FAILED = 6;

    private ExitCodes() {}
}
