package org.matscreen.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.Status;
import org.matscreen.lammps.worker.Wire;
import org.matscreen.lammps.worker.WorkerConfig;
import org.matscreen.worker.WorkerProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The cost of crash isolation, measured on one worker process of the kind the pool keeps: per candidate, the parent's
 * wall time around {@code WorkerProcess.compute} minus the native time the worker reports (encoding, pipe, decoding,
 * the worker's loop); the round trip of an empty PING frame; frame sizes; the worker's memory; and a restart as the
 * pool does one after a crash (kill, reap, start a new worker up to its greeting), with the extra time the first
 * candidate on a fresh worker takes.
 */
@Command(name = "protocol", header = "Measure the worker protocol, PING round trip and worker restarts.")
final class ProtocolCommand implements Callable<Integer> {
    @Option(names = "--repo", required = true, description = "repository of matscreen's run (the requests)")
    String repo;

    @Option(names = "--lib", required = true)
    Path lib;

    @Option(names = "--work", required = true, description = "folder for the workers' files")
    Path work;

    @Option(names = "--candidates", defaultValue = "50", description = "candidates computed on the warm worker")
    int candidates;

    @Option(names = "--pings", defaultValue = "2000")
    int pings;

    @Option(names = "--restarts", defaultValue = "5")
    int restarts;

    @Option(names = "--out", required = true, description = "facts file")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<CalculationRequest> requests = RepositoryCandidates.read(repo).stream()
                .map(RepositoryCandidates.Computed::request).toList();
        WorkerConfig cfg = WorkerConfig.forLibrary(lib, work);
        Facts f = new Facts();
        f.put("protocol.jvm_options", String.join(" ", cfg.jvmOptions()));

        long t0 = System.nanoTime();
        WorkerProcess w = WorkerProcess.start(cfg);
        f.put("protocol.start_first_s", seconds(t0));
        double[] first = timed(w, requests.get(0));
        f.put("protocol.first_candidate_wall_s", first[0]).put("protocol.first_candidate_native_s", first[1]);

        double[] overhead = new double[candidates];
        double[] wall = new double[candidates];
        double[] nat = new double[candidates];
        int n = requests.size();
        for (int i = 0; i < candidates; i++) {
            // Every candidate but the first in turn; the first is kept for the fresh-versus-warm comparison.
            double[] r = timed(w, requests.get(n == 1 ? 0 : 1 + i % (n - 1)));
            wall[i] = r[0];
            nat[i] = r[1];
            overhead[i] = r[0] - r[1];
        }
        double[] warmFirst = timed(w, requests.get(0));
        f.put("protocol.candidates", candidates)
                .put("protocol.overhead_median_ms", Stats.median(overhead) * 1e3)
                .put("protocol.overhead_p90_ms", Stats.percentile(overhead, 90) * 1e3)
                .put("protocol.overhead_mean_ms", Stats.sum(overhead) / candidates * 1e3)
                .put("protocol.native_median_ms", Stats.median(nat) * 1e3)
                .put("protocol.wall_median_ms", Stats.median(wall) * 1e3)
                .put("protocol.first_candidate_warm_wall_s", warmFirst[0])
                .put("protocol.first_candidate_warm_native_s", warmFirst[1])
                .put("protocol.request_bytes", frameBytes(requests.get(0)))
                .put("protocol.outcome_bytes", outcomeBytes(w, requests.get(0)))
                .put("protocol.atoms", requests.get(0).structure().siteCount());
        memory(w.pid(), f);

        double[] kill = new double[restarts];
        double[] start = new double[restarts];
        double[] firstAfter = new double[restarts];
        for (int i = 0; i < restarts; i++) {
            long k0 = System.nanoTime();
            ProcessHandle h = ProcessHandle.of(w.pid()).orElseThrow();
            h.destroyForcibly();
            awaitExit(h);
            w.close();
            kill[i] = seconds(k0);
            long s0 = System.nanoTime();
            w = WorkerProcess.start(cfg);
            start[i] = seconds(s0);
            firstAfter[i] = timed(w, requests.get(0))[0];
        }
        w.close();
        f.put("protocol.restarts", restarts)
                .put("protocol.kill_median_s", Stats.median(kill))
                .put("protocol.start_median_s", Stats.median(start))
                .put("protocol.restart_median_s", Stats.median(sum(kill, start)))
                .put("protocol.first_after_restart_median_s", Stats.median(firstAfter));

        try (WorkerProcess p = WorkerProcess.start(cfg)) {
            for (int i = 0; i < Math.min(pings, 500); i++) {
                p.pingNanos(); // warm-up: JIT of both ends
            }
            double[] rtt = new double[pings];
            for (int i = 0; i < pings; i++) {
                rtt[i] = p.pingNanos() / 1e9;
            }
            f.put("protocol.pings", pings)
                    .put("protocol.ping_median_us", Stats.median(rtt) * 1e6)
                    .put("protocol.ping_p90_us", Stats.percentile(rtt, 90) * 1e6);
        }
        f.write(out);
        return 0;
    }

    /** {parent wall, worker-reported native} seconds of one candidate. */
    private static double[] timed(WorkerProcess w, CalculationRequest r) {
        long t0 = System.nanoTime();
        CalculationOutcome o = w.compute(r);
        double wall = seconds(t0);
        if (o.status() != Status.OK) {
            throw new IllegalStateException("candidate " + r.candidateId() + " came back " + o.status() + ": "
                    + o.errorText());
        }
        return new double[] {wall, o.nativeSeconds()};
    }

    private static long frameBytes(CalculationRequest r) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Wire.writeRequest(new DataOutputStream(b), r);
        return b.size() + 1L;
    }

    private static long outcomeBytes(WorkerProcess w, CalculationRequest r) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Wire.writeOutcome(new DataOutputStream(b), w.compute(r));
        return b.size() + 1L;
    }

    /** Resident and peak resident memory of the worker, from /proc (Linux). */
    private static void memory(long pid, Facts f) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                String[] p = line.split("\\s+");
                f.put("protocol.worker_" + p[0].substring(2, 5).toLowerCase(Locale.ROOT) + "_mib",
                        Long.parseLong(p[1]) / 1024.0);
            }
        }
    }

    private static void awaitExit(ProcessHandle h) throws InterruptedException {
        try {
            h.onExit().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("worker " + h.pid() + " did not exit after SIGKILL", e);
        }
    }

    private static double[] sum(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
