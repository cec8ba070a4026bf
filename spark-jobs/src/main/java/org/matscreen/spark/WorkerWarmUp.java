package org.matscreen.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matscreen.core.sim.CodeOptions;
import org.matscreen.core.sim.SimulationCodes;

/**
 * Starts a local run's worker processes while Spark starts (issue 19, fixed costs). In local mode the executor is the
 * driver's JVM, so the workers it will borrow can be started before the Spark session exists: their start-up (for
 * LAMMPS a JVM and MPI, about 0.5 s each; see {@link org.matscreen.core.sim.SimulationCode#warm}) then overlaps
 * Spark's instead of delaying the reference stage and the first record.
 */
public final class WorkerWarmUp {
    /**
     * {@code --conf matscreen.workers.warmup=false} turns the warm-up off. It was off by default for a while: in one
     * CI run the CLI suite's JVM, which keeps its worker pool across many in-process runs, had a plan's first two
     * reference calculations fail on its two idle pooled workers. What breaks exactly two idle workers at once is the
     * removal of their folders, and another JVM's sweep of dead JVMs' worker folders could do that (it compared start
     * times that move when the wall clock is stepped); the sweep now compares the kernel's start ticks, and the pool
     * no longer lends a worker whose folder is gone (see {@code WorkerFolders}, {@code WorkerProcess.isUsable}).
     */
    public static final String CONF_KEY = "matscreen.workers.warmup";

    private static final Pattern LOCAL_N = Pattern.compile("local\\[(\\*|[1-9][0-9]*)(,\\s*[1-9][0-9]*)?]");

    private WorkerWarmUp() {}

    /**
     * Has the code warm one session per task slot when the master is local; does nothing elsewhere (a cluster's
     * executors are other JVMs). The code decides what warming means (LAMMPS: start the workers of isolated sessions;
     * in-process sessions need none). Never throws: what fails here fails again, and is reported, when a task opens
     * its session.
     *
     * @param master the Spark master (null: spark-submit's, else local[*])
     * @param codeOptions the options of the run's code as the driver resolved them
     */
    public static void startLocal(String master, CodeOptions codeOptions) {
        // spark-submit passes its --master as a system property, which the session will use too
        String effective = master != null ? master : System.getProperty("spark.master", "local[*]");
        int slots = localSlots(effective, Runtime.getRuntime().availableProcessors());
        if (slots <= 0) {
            return;
        }
        try {
            SimulationCodes.get(codeOptions.code()).warm(codeOptions, slots);
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
