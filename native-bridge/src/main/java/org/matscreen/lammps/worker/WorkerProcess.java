package org.matscreen.lammps.worker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.matscreen.core.error.NativeCodeException;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.Status;

/**
 * The parent's handle on one worker process (see {@link WorkerMain}). A calculation that kills the process comes back
 * as {@link Status#CRASHED} with the error text LAMMPS wrote to the candidate's log before aborting; one that exceeds
 * its wall-clock limit is killed and comes back as {@link Status#TIMEOUT}. After either, this handle is dead and the
 * owner starts a new one.
 */
public final class WorkerProcess implements AutoCloseable {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "matscreen-worker-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Process process;
    private final Path dir;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final String codeVersion;
    private final boolean exceptions;
    private boolean dead;

    private WorkerProcess(Process process, Path dir, DataOutputStream out, DataInputStream in, String codeVersion,
            boolean exceptions) {
        this.process = process;
        this.dir = dir;
        this.out = out;
        this.in = in;
        this.codeVersion = codeVersion;
        this.exceptions = exceptions;
    }

    /** This JVM's pid and start time (epoch ms), which name its workers' folders so a later sweep can tell. */
    private static final String OWNER = ProcessHandle.current().pid() + "-"
            + ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    private static final java.util.Set<String> SWEPT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Starts a worker and waits for its greeting. */
    public static WorkerProcess start(WorkerConfig cfg) {
        if (SWEPT.add(cfg.workRoot())) {
            WorkerFolders.removeDead(Path.of(cfg.workRoot()));
        }
        Path dir = Path.of(cfg.workRoot(), "worker-" + OWNER + "-" + SEQUENCE.incrementAndGet()).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new NativeCodeException("cannot create the worker directory " + dir + ": " + e.getMessage(), e);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(cfg.javaExecutable());
        cmd.addAll(cfg.jvmOptions());
        cmd.add("-cp");
        cmd.add(cfg.classpath());
        cmd.add(WorkerMain.class.getName());
        cmd.add(cfg.libraryPath());
        cmd.add(dir.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // LAMMPS falls back to $LAMMPS_POTENTIALS/<basename> when a potential path does not exist, which could load a
        // file other than the one whose checksum the record states. Workers never get that fallback.
        pb.environment().remove("LAMMPS_POTENTIALS");
        // Inside a Slurm step (srun) OpenMPI's singleton start-up sees the step's PMI variables and refuses to start
        // ("OMPI was not built with SLURM's PMI support"); a worker is a stand-alone single process, so it gets none.
        pb.environment().keySet().removeIf(k -> k.startsWith("SLURM_") || k.startsWith("PMI_")
                || k.startsWith("PMIX_") || k.startsWith("OMPI_"));
        // The KIM API looks for models in the current working directory first and writes kim.log there: a worker
        // works in its own folder, which holds no models, and keeps the KIM log with its other files.
        pb.directory(dir.toFile());
        pb.redirectError(dir.resolve("worker.err").toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new NativeCodeException("cannot start a worker process (" + cfg.javaExecutable() + "): "
                    + e.getMessage(), e);
        }
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(p.getOutputStream(), 1 << 16));
        DataInputStream in = new DataInputStream(new BufferedInputStream(p.getInputStream(), 1 << 16));
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> kill = WATCHDOG.schedule(() -> {
            expired.set(true);
            p.destroyForcibly();
        }, (long) (cfg.startTimeoutSeconds() * 1000), TimeUnit.MILLISECONDS);
        try {
            if (in.readByte() != Wire.STARTED || in.readInt() != Wire.MAGIC || in.readInt() != Wire.VERSION) {
                throw new IOException("the process did not greet as a matscreen worker of this version");
            }
            String version = in.readUTF();
            boolean exceptions = in.readBoolean();
            in.readLong();
            return new WorkerProcess(p, dir, out, in, version, exceptions);
        } catch (IOException e) {
            p.destroyForcibly();
            waitQuietly(p);
            throw new NativeCodeException("LAMMPS worker failed to start" + (expired.get() ? " within "
                    + cfg.startTimeoutSeconds() + " s" : "") + ": " + tail(dir.resolve("worker.err"), 20), e);
        } finally {
            kill.cancel(false);
        }
    }

    public String codeVersion() {
        return codeVersion;
    }

    /** True if the library reports exception support (errors come back instead of ending the worker). */
    public boolean hasExceptions() {
        return exceptions;
    }

    public boolean isAlive() {
        return !dead && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Sends one calculation and waits for its outcome at most {@code request.timeoutSeconds()}. Never throws for a
     * problem of the candidate: crashes and timeouts become outcomes, and this worker is then dead.
     */
    public CalculationOutcome compute(CalculationRequest request) {
        if (!isAlive()) {
            throw new IllegalStateException("worker " + process.pid() + " is not running");
        }
        long t0 = System.nanoTime();
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> kill = WATCHDOG.schedule(() -> {
            expired.set(true);
            process.destroyForcibly();
        }, (long) (request.timeoutSeconds() * 1000), TimeUnit.MILLISECONDS);
        try {
            out.writeByte(Wire.COMPUTE);
            Wire.writeRequest(out, request);
            out.flush();
            byte tag = in.readByte();
            if (tag != Wire.RESULT) {
                throw new IOException("unexpected frame " + tag);
            }
            return Wire.readOutcome(in);
        } catch (IOException e) {
            dead = true;
            process.destroyForcibly();
            int exit = waitQuietly(process);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (expired.get()) {
                return CalculationOutcome.failure(request.candidateId(), Status.TIMEOUT, String.format(
                        java.util.Locale.ROOT, "no result within the %.1f s limit; worker %d killed",
                        request.timeoutSeconds(), process.pid()), seconds, codeVersion);
            }
            return CalculationOutcome.failure(request.candidateId(), Status.CRASHED, crashText(exit), seconds,
                    codeVersion);
        } finally {
            kill.cancel(false);
        }
    }

    /**
     * One no-op round trip (an empty PING frame answered by PONG), ns: the floor under every candidate's protocol
     * cost. A worker that does not answer is dead afterwards.
     */
    public long pingNanos() {
        if (!isAlive()) {
            throw new IllegalStateException("worker " + process.pid() + " is not running");
        }
        long t0 = System.nanoTime();
        try {
            out.writeByte(Wire.PING);
            out.flush();
            byte tag = in.readByte();
            long t = System.nanoTime() - t0;
            if (tag != Wire.PONG) {
                throw new IOException("expected PONG, got frame " + tag);
            }
            return t;
        } catch (IOException e) {
            dead = true;
            process.destroyForcibly();
            throw new NativeCodeException("worker " + process.pid() + " did not answer a ping: " + e.getMessage(), e);
        }
    }

    /** The LAMMPS error lines of the candidate in flight, then the worker's own last words, then the exit status. */
    private String crashText(int exit) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines(dir.resolve("candidate.log"))) {
            if (line.startsWith("ERROR") || line.startsWith("Last command")) {
                sb.append(line.strip()).append('\n');
            }
        }
        List<String> err = lines(dir.resolve("worker.err"));
        for (String line : err.subList(Math.max(0, err.size() - 8), err.size())) {
            if (!line.isBlank() && sb.indexOf(line.strip()) < 0) {
                sb.append(line.strip()).append('\n');
            }
        }
        sb.append("worker process exited with status ").append(exit);
        if (exit > 128) {
            sb.append(" (signal ").append(exit - 128).append(')');
        }
        return sb.toString();
    }

    private static List<String> lines(Path file) {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n"));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String tail(Path file, int n) {
        List<String> l = lines(file);
        return String.join("\n", l.subList(Math.max(0, l.size() - n), l.size())).strip();
    }

    private static int waitQuietly(Process p) {
        try {
            if (p.waitFor(10, TimeUnit.SECONDS)) {
                return p.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    /** Asks the worker to exit, then makes sure it did, and removes its folder. Idempotent. */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            WorkerFolders.delete(dir);
        }
    }

    private void stop() {
        if (!dead && process.isAlive()) {
            try {
                out.writeByte(Wire.SHUTDOWN);
                out.flush();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        dead = true;
        waitQuietly(process);
    }
}
