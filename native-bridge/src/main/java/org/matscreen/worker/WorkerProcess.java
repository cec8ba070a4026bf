package org.matscreen.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.matscreen.core.error.NativeCodeException;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.SimulationSession;
import org.matscreen.core.sim.Status;

/**
 * The parent's handle on one worker process of any code, which its {@link WorkerProtocol} describes. A calculation
 * that kills the process comes back as {@link Status#CRASHED} with the error text the code wrote to the candidate's
 * log before dying, the worker's last words on standard error and its exit status; one that exceeds its wall-clock
 * limit is killed and comes back as {@link Status#TIMEOUT}. After either, this handle is dead and the owner starts a
 * new one.
 */
public final class WorkerProcess implements AutoCloseable {
    /** The log of the candidate in flight, in the worker's folder: each protocol points its code's log here. */
    public static final String CANDIDATE_LOG = "candidate.log";
    private static final String STDERR = "worker.err";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "matscreen-worker-watchdog");
        t.setDaemon(true);
        return t;
    });
    private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 4, "SIGILL", 6, "SIGABRT",
            7, "SIGBUS", 8, "SIGFPE", 9, "SIGKILL", 11, "SIGSEGV", 13, "SIGPIPE", 15, "SIGTERM");

    private final Process process;
    private final Path dir;
    private final Frames frames;
    private final WorkerProtocol protocol;
    private final Greeting greeting;
    private boolean dead;

    private WorkerProcess(Process process, Path dir, Frames frames, WorkerProtocol protocol, Greeting greeting) {
        this.process = process;
        this.dir = dir;
        this.frames = frames;
        this.protocol = protocol;
        this.greeting = greeting;
    }

    /** This JVM's pid and start time (epoch ms), which name its workers' folders so a later sweep can tell. */
    private static final String OWNER = ProcessHandle.current().pid() + "-"
            + WorkerFolders.startToken(ProcessHandle.current());
    private static final java.util.Set<String> SWEPT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Starts a worker and waits for its greeting. */
    public static WorkerProcess start(WorkerProtocol protocol) {
        if (SWEPT.add(protocol.workRoot())) {
            WorkerFolders.removeDead(Path.of(protocol.workRoot()));
        }
        Path dir = Path.of(protocol.workRoot(), "worker-" + OWNER + "-" + SEQUENCE.incrementAndGet())
                .toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new NativeCodeException("cannot create the worker directory " + dir + ": " + e.getMessage(), e);
        }
        List<String> cmd = protocol.command(dir);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // Inside a Slurm step (srun) OpenMPI's singleton start-up sees the step's PMI variables and refuses to start
        // ("OMPI was not built with SLURM's PMI support"), and an mpiexec would launch into the step instead of on
        // this node; a worker is a stand-alone process (tree) of its own, so it gets none of them.
        pb.environment().keySet().removeIf(k -> k.startsWith("SLURM_") || k.startsWith("PMI_")
                || k.startsWith("PMIX_") || k.startsWith("OMPI_"));
        protocol.adjustEnvironment(pb.environment());
        // A worker works in its own folder: what its code writes to the working directory (the KIM API's kim.log)
        // stays with its other files and goes with them, and the KIM API, which looks for models in the current
        // working directory first, finds none there.
        pb.directory(dir.toFile());
        pb.redirectError(dir.resolve(STDERR).toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new NativeCodeException("cannot start a " + protocol.codeName() + " worker process (" + cmd.get(0)
                    + "): " + e.getMessage(), e);
        }
        Frames frames = new Frames(p.getInputStream(), p.getOutputStream());
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> kill = killAfter(p, protocol.startTimeoutSeconds(), expired);
        try {
            Greeting g = protocol.readGreeting(frames.receive(), frames.received());
            if (!g.compatible()) {
                throw new IOException("the process did not greet as a matscreen worker of protocol " + Frames.PROTOCOL
                        + " (magic " + g.magic() + ", protocol " + g.protocol() + ")");
            }
            return new WorkerProcess(p, dir, frames, protocol, g);
        } catch (IOException e) {
            kill(p);
            waitQuietly(p);
            String why = e instanceof java.io.EOFException ? "" : e.getMessage() + "\n";
            throw new NativeCodeException(protocol.codeName() + " worker failed to start" + (expired.get() ? " within "
                    + protocol.startTimeoutSeconds() + " s" : "") + ": " + why + tail(dir.resolve(STDERR), 20), e);
        } finally {
            kill.cancel(false);
        }
    }

    public String codeVersion() {
        return greeting.codeVersion();
    }

    /** What the worker reported when it started. */
    public Greeting greeting() {
        return greeting;
    }

    public boolean isAlive() {
        return !dead && process.isAlive();
    }

    /**
     * Alive and its folder still there: its code writes each candidate's log into that folder, so a worker whose
     * folder was removed under it (a sweep by another JVM, a cleaned temporary folder) would fail every candidate.
     */
    public boolean isUsable() {
        return isAlive() && Files.isDirectory(dir);
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Sends one calculation and waits for its outcome at most {@code request.timeoutSeconds()}. Never throws for a
     * problem of the candidate: a request the protocol refuses to send fails, crashes and timeouts become outcomes, and
     * after those two this worker is dead.
     */
    public CalculationOutcome compute(CalculationRequest request) {
        return begin(request).await();
    }

    /**
     * Sends one calculation and returns at once; the handle waits for its outcome, with {@link #compute}'s
     * guarantees. The time limit counts from now. One calculation at a time: await it before sending the next.
     */
    public SimulationSession.Submitted begin(CalculationRequest request) {
        if (!isAlive()) {
            throw new IllegalStateException("worker " + process.pid() + " is not running");
        }
        try {
            protocol.writeRequest(request, dir, frames.startPayload());
        } catch (IOException | RuntimeException e) {
            CalculationOutcome refused = CalculationOutcome.failure(request.candidateId(), Status.FAILED,
                    String.valueOf(e.getMessage()), 0, codeVersion());
            return () -> refused;
        }
        long t0 = System.nanoTime();
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> kill = killAfter(process, request.timeoutSeconds(), expired);
        try {
            frames.send(Frames.COMPUTE);
        } catch (IOException | RuntimeException e) {
            CalculationOutcome lost = lost(request, e, t0, expired, kill);
            return () -> lost;
        }
        return () -> {
            try {
                byte tag = frames.receive();
                return protocol.readOutcome(request, tag, frames.received(), greeting);
            } catch (IOException | RuntimeException e) {
                return lost(request, e, t0, expired, kill);
            } finally {
                kill.cancel(false);
            }
        };
    }

    /** The outcome of a calculation during which the worker died or was killed for its time limit. */
    private CalculationOutcome lost(CalculationRequest request, Exception e, long t0, AtomicBoolean expired,
            ScheduledFuture<?> kill) {
        kill.cancel(false);
        int exit = killNow();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (expired.get()) {
            return CalculationOutcome.failure(request.candidateId(), Status.TIMEOUT, String.format(Locale.ROOT,
                    "no result within the %.1f s limit; worker %d killed", request.timeoutSeconds(),
                    process.pid()), seconds, codeVersion());
        }
        return CalculationOutcome.failure(request.candidateId(), Status.CRASHED, crashText(exit, e), seconds,
                codeVersion());
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
            frames.send(Frames.PING);
            byte tag = frames.receive();
            long t = System.nanoTime() - t0;
            if (tag != Frames.PONG) {
                throw new IOException("expected PONG, got frame " + tag);
            }
            return t;
        } catch (IOException e) {
            dead = true;
            kill(process);
            throw new NativeCodeException("worker " + process.pid() + " did not answer a ping: " + e.getMessage(), e);
        }
    }

    /**
     * The code's error lines of the candidate in flight, then the worker's own last words, then the exit status; an
     * answer that did not fit the request is named too (the process was alive and had to be killed).
     */
    private String crashText(int exit, Exception e) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines(dir.resolve(CANDIDATE_LOG))) {
            if (protocol.isErrorLine(line)) {
                sb.append(line.strip()).append('\n');
            }
        }
        List<String> err = lines(dir.resolve(STDERR));
        for (String line : err.subList(Math.max(0, err.size() - 8), err.size())) {
            if (!line.isBlank() && sb.indexOf(line.strip()) < 0) {
                sb.append(line.strip()).append('\n');
            }
        }
        if (!(e instanceof java.io.EOFException)) {
            sb.append(e.getMessage()).append('\n');
        }
        sb.append("worker process exited with status ").append(exit);
        if (exit > 128) {
            sb.append(" (signal ").append(exit - 128);
            String name = SIGNALS.get(exit - 128);
            sb.append(name == null ? "" : ", " + name).append(')');
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

    /** After {@code seconds} unless cancelled first: sets {@code expired} and kills {@code p}. */
    private static ScheduledFuture<?> killAfter(Process p, double seconds, AtomicBoolean expired) {
        return WATCHDOG.schedule(() -> {
            expired.set(true);
            kill(p);
        }, (long) (seconds * 1000), TimeUnit.MILLISECONDS);
    }

    /**
     * Kills the worker and whatever it started: a worker under {@code mpiexec} is a launcher whose ranks would
     * otherwise compute on until they next talk to it.
     */
    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
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

    /** Kills the worker at once, mid-calculation if need be (nothing it says is awaited), and removes its folder. */
    public void destroy() {
        try {
            killNow();
        } finally {
            WorkerFolders.delete(dir);
        }
    }

    /** Marks this worker dead, kills its process and reaps it; its exit code (-1 if not known). */
    private int killNow() {
        dead = true;
        kill(process);
        return waitQuietly(process);
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
                frames.send(Frames.SHUTDOWN);
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    kill(process);
                }
            } catch (IOException e) {
                kill(process);
            } catch (InterruptedException e) {
                kill(process);
                Thread.currentThread().interrupt();
            }
        }
        dead = true;
        waitQuietly(process);
    }
}
