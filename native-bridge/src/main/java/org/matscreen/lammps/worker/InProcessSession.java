package org.matscreen.lammps.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.SimulationSession;
import org.matscreen.core.sim.Status;
import org.matscreen.lammps.LammpsCalculator;
import org.matscreen.lammps.jna.Lammps;
import org.matscreen.lammps.jna.LammpsLibrary;

/**
 * LAMMPS in this JVM, for libraries with exception support and without MPI (see {@link SessionMode#IN_PROCESS}):
 * errors come back as {@link Status#FAILED} outcomes carrying LAMMPS' message, and a calculation over its time limit is
 * stopped with {@code lammps_force_timeout} and reported as {@link Status#TIMEOUT}.
 */
public final class InProcessSession implements SimulationSession {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "matscreen-inprocess-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final LammpsLibrary lib;
    private final Path logFile;
    private Lammps lammps;
    private LammpsCalculator calculator;

    /** @param workDir folder for this session's per-candidate LAMMPS log */
    public InProcessSession(LammpsLibrary lib, Path workDir) {
        this.lib = lib;
        try {
            Files.createDirectories(workDir);
            this.logFile = Files.createTempFile(workDir, "candidate-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the session folder " + workDir, e);
        }
        open();
    }

    private void open() {
        lammps = new Lammps(lib, List.of("-screen", "none", "-log", "none", "-nocite"));
        calculator = new LammpsCalculator(lammps, logFile);
    }

    @Override
    public CalculationOutcome compute(CalculationRequest request) {
        long t0 = System.nanoTime();
        AtomicBoolean expired = new AtomicBoolean();
        Lammps current = lammps;
        ScheduledFuture<?> stop = WATCHDOG.schedule(() -> {
            expired.set(true);
            current.forceTimeout();
        }, (long) (request.timeoutSeconds() * 1000), TimeUnit.MILLISECONDS);
        try {
            CalculationOutcome o = calculator.compute(request);
            if (expired.get()) {
                return timeout(request, t0);
            }
            return o;
        } catch (RuntimeException e) {
            if (expired.get()) {
                return timeout(request, t0);
            }
            // After an error LAMMPS' state is unknown: a fresh instance costs about a millisecond here.
            restart();
            return CalculationOutcome.failure(request.candidateId(), Status.FAILED, String.valueOf(e.getMessage()),
                    (System.nanoTime() - t0) / 1e9, calculator.codeVersion());
        } finally {
            stop.cancel(false);
        }
    }

    private CalculationOutcome timeout(CalculationRequest request, long t0) {
        restart();
        return CalculationOutcome.failure(request.candidateId(), Status.TIMEOUT, String.format(java.util.Locale.ROOT,
                "no result within the %.1f s limit; LAMMPS stopped with lammps_force_timeout",
                request.timeoutSeconds()), (System.nanoTime() - t0) / 1e9, calculator.codeVersion());
    }

    private void restart() {
        lammps.close();
        open();
    }

    /** True: a crash inside LAMMPS (a segmentation fault, an error it cannot throw) ends this JVM. */
    @Override
    public boolean crashEndsCaller() {
        return true;
    }

    @Override
    public String codeVersion() {
        return calculator.codeVersion();
    }

    @Override
    public void close() {
        if (lammps != null) {
            lammps.close();
            lammps = null;
        }
        try {
            Files.deleteIfExists(logFile);
        } catch (java.io.IOException e) {
            // a left-over log in the temporary folder harms nothing
        }
    }
}
