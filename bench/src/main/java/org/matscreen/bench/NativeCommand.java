package org.matscreen.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.matscreen.lammps.jna.LammpsLibrary;
import org.matscreen.lammps.jna.LammpsNative;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Baseline (b), the native limit: one process, one LAMMPS instance, a plain loop. run.sh starts one such JVM per
 * core: Debian's library (OpenMPI inside, initialised single-threaded) cannot run two instances in two threads of one
 * process, and using that library keeps the compiled LAMMPS code identical to what matscreen, {@code lmp} and the
 * Python module run. The processes take cells from a {@link SharedQueue}, so the load balances as in the other tools.
 *
 * <p>Before its loop each process relaxes the first cell once, untimed and unrecorded, then waits for the others:
 * the one-off costs of a process's first calls (JNA binding each function, LAMMPS' first set-up) fall outside the
 * steady state, as matscreen's workers pay them in its reference stage, and all loops start together.
 */
@Command(name = "native", header = "Relax cells from a shared queue in a plain loop over one LAMMPS instance.")
final class NativeCommand implements Callable<Integer> {
    @Option(names = "--cells", required = true)
    Path cells;

    @Option(names = "--lib", required = true, description = "LAMMPS shared library")
    Path lib;

    @Option(names = "--queue", required = true, description = "queue file shared by the processes (new or empty)")
    Path queue;

    @Option(names = "--processes", defaultValue = "1", description = "processes sharing the queue")
    int processes;

    @Option(names = "--out", required = true, description = "result table (TSV) of this process")
    Path out;

    @Override
    public Integer call() throws Exception {
        CellFile.Contents in = CellFile.read(cells);
        List<Cell> all = in.cells();
        LammpsLibrary library = LammpsNative.load(lib);
        try (RelaxLoop loop = new RelaxLoop(library);
                SharedQueue q = new SharedQueue(queue);
                PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            w.println(ResultTable.HEADER + "\t" + ResultTable.EVALUATIONS_HEADER + "\t" + ResultTable.ANALYSIS_HEADER);
            loop.relax(all.get(0), in.protocol());
            q.awaitAll(processes);
            for (long i; (i = q.next()) < all.size(); ) {
                Cell c = all.get((int) i);
                long start = System.currentTimeMillis();
                RelaxLoop.Result r = loop.relax(c, in.protocol());
                long end = System.currentTimeMillis();
                w.printf(Locale.ROOT, "%d\t%s\t%d\t%.6f\t%d\t%d\t%d\t%d\t%.6f%n", c.index(),
                        CellFile.num(r.energyPerAtomEv()), r.minimisations(), r.lammpsSeconds(), start, end,
                        ResultTable.NOT_COUNTED, r.accepted() ? 1 : 0, r.analysisSeconds());
            }
        }
        return 0;
    }
}
