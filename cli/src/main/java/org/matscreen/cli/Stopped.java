package org.matscreen.cli;

import org.matscreen.core.error.MatscreenException;

/**
 * A run ended by a signal (scancel, a batch system's time limit, Ctrl-C) rather than by a fault: the JVM's shutdown
 * stops Spark under the running job, which then fails with Spark's own exception and stack trace. Reported as one
 * line instead, since nothing is wrong and nothing committed is lost.
 */
final class Stopped extends MatscreenException {
    private static final long serialVersionUID = 1L;

    Stopped(String repository) {
        super("stopped by a signal (scancel, the batch system's time limit, or Ctrl-C): the records committed so far"
                + " stay in " + repository + "; run the same command again to resume");
    }

    /** Whether the JVM is shutting down (the only time it refuses a new shutdown hook). */
    static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
