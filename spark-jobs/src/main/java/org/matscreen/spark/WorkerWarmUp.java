package org.matscreen.spark;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matscreen.lammps.jna.LammpsNative;
import org.matscreen.lammps.worker.SessionMode;
import org.matscreen.lammps.worker.WorkerPool;

/**
 * Starts a local run's worker processes while Spark starts (issue 19, fixed costs). In local mode the executor is the
 * driver's JVM, so the workers it will borrow can be started before the Spark session exists: their JVM and MPI
 * start-up (about 0.5 s each) then overlaps Spark's instead of delaying the reference stage and the first record.
 */
public final class WorkerWarmUp {
    /**
     * {@code --conf matscreen.workers.warmup=true} turns the warm-up on. It is off by default: in one CI run the CLI
     * suite's JVM, which keeps its worker pool across many in-process runs, had a plan's first two reference
     * calculations fail on pooled workers, and the cause was not found before the stop.
     */
    public static final String CONF_KEY = "matscreen.workers.warmup";

    private static final Pattern LOCAL_N = Pattern.compile("local\\[(\\*|[1-9][0-9]*)(,\\s*[1-9][0-9]*)?]");

    private WorkerWarmUp() {}

    /**
     * Starts one worker per task slot in the background when the master is local and the sessions are isolated;
     * does nothing elsewhere (a cluster's executors are other JVMs; in-process sessions need no workers). Never
     * throws: what fails here fails again, and is reported, when a task opens its session.
     *
     * @param master the Spark master (null: spark-submit's, else local[*])
     * @param driverLibraryPath the LAMMPS library the run resolved
     * @param requested the session mode asked for ({@code --conf matscreen.lammps.mode})
     */
    public static void startLocal(String master, String driverLibraryPath, SessionMode requested) {
        // spark-submit passes its --master as a system property, which the session will use too
        String effective = master != null ? master : System.getProperty("spark.master", "local[*]");
        int slots = localSlots(effective, Runtime.getRuntime().availableProcessors());
        if (slots <= 0) {
            return;
        }
        try {
            Path lib = Sessions.library(driverLibraryPath);
            if (requested.resolve(LammpsNative.load(lib)) == SessionMode.ISOLATED) {
                WorkerPool.shared().warm(Sessions.workerConfig(lib), slots);
            }
        } catch (RuntimeException | LinkageError e) {
            // reported by the run's own first use of the library
        }
    }

    /** Task slots of a local master ({@code local} 1, {@code local[N]} N, {@code local[*]} the cores), else 0. */
    static int localSlots(String master, int cores) {
        if (master.equals("local[*]")) {
            return cores;
        }
        if (master.equals("local")) {
            return 1;
        }
        Matcher m = LOCAL_N.matcher(master);
        if (!m.matches()) {
            return 0;
        }
        return m.group(1).equals("*") ? cores : Integer.parseInt(m.group(1));
    }
}
