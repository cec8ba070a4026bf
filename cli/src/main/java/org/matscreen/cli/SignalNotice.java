package org.matscreen.cli;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * While a long command runs, a JVM shutdown (SIGTERM, Ctrl-C, a batch system's kill) is reported in one line
 * instead of the errors that Spark's shutdown raises in the still-running command. The writer lock's own hook removes
 * staging files and the lock; committed records stay.
 */
final class SignalNotice implements AutoCloseable {
    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    /** Before Spark's own hooks (40) and the writer lock's (25) in Hadoop's ordered shutdown. */
    private static final int PRIORITY = 100;

    private final Runnable hook;
    private final AtomicBoolean done = new AtomicBoolean();

    private SignalNotice(String what) {
        hook = () -> {
            if (!done.get()) {
                STOPPING.set(true);
                quietLogs();
                System.err.println("matscreen: stopped by a signal; " + what);
                System.err.flush();
            }
        };
        org.apache.hadoop.util.ShutdownHookManager.get().addShutdownHook(hook, PRIORITY);
    }

    /**
     * Spark logs every task the shutdown interrupts as an ERROR with its stack trace; after the notice those are
     * consequences, not news.
     */
    private static void quietLogs() {
        try {
            org.apache.logging.log4j.core.config.Configurator.setAllLevels(
                    org.apache.logging.log4j.LogManager.ROOT_LOGGER_NAME, org.apache.logging.log4j.Level.OFF);
        } catch (RuntimeException | LinkageError e) {
            // another logging back end: its lines stay
        }
    }

    /** Reports a shutdown while open with {@code what} (what is kept and how to go on). */
    static SignalNotice open(String what) {
        return new SignalNotice(what);
    }

    /** True once a shutdown started while a notice was open. */
    static boolean stopping() {
        return STOPPING.get();
    }

    @Override
    public void close() {
        done.set(true);
        try {
            org.apache.hadoop.util.ShutdownHookManager.get().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }
}
