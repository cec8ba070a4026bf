package org.matscreen.gpaw;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.worker.Greeting;
import org.matscreen.worker.WorkerProcess;
import org.matscreen.worker.WorkerProtocol;

/**
 * How to start a GPAW worker ({@code gpaw_worker.py} under Debian's Python) and read what it says: the GPAW
 * {@link WorkerProtocol}, with {@link GpawPayloads}' JSON.
 *
 * @param python the interpreter that imports Debian's gpaw and ASE
 * @param script the worker script, extracted from the jar ({@link GpawWorkerScript})
 * @param cores MPI ranks of one worker; 1 runs the script directly
 * @param mpiexec the MPI launcher, used when {@code cores > 1}
 * @param workRoot folder under which each worker gets its own folder
 * @param startTimeoutSeconds how long a worker may take to import GPAW and greet, s
 */
public record GpawWorker(String python, String script, int cores, String mpiexec, String workRoot,
        double startTimeoutSeconds) implements WorkerProtocol, Serializable {

    @Override
    public String codeName() {
        return "GPAW";
    }

    @Override
    public List<String> command(Path folder) {
        List<String> cmd = new ArrayList<>();
        if (cores > 1) {
            cmd.add(mpiexec);
            if ("root".equals(System.getProperty("user.name"))) {
                cmd.add("--allow-run-as-root"); // OpenMPI refuses root without it (containers, CI)
            }
            // OpenMPI binds ranks to cores 0..n-1 by default: two sessions on one node would share those cores and
            // leave the others idle.
            cmd.add("--bind-to");
            cmd.add("none");
            cmd.add("-n");
            cmd.add(Integer.toString(cores));
        }
        cmd.add(python);
        cmd.add(script);
        return cmd;
    }

    /** One thread per rank: a session's cores are its ranks, which Spark's task slots are sized by. */
    @Override
    public void adjustEnvironment(Map<String, String> environment) {
        for (String v : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")) {
            environment.put(v, "1");
        }
    }

    @Override
    public Greeting readGreeting(byte tag, InputStream payload) throws IOException {
        return GpawPayloads.readGreeting(tag, payload);
    }

    /** Reads the request's settings file (checking its SHA-256) and writes the COMPUTE request. */
    @Override
    public void writeRequest(CalculationRequest request, Path folder, OutputStream payload) throws IOException {
        GpawPayloads.writeCompute(request, GpawSettingsFile.read(request.potential()),
                folder.resolve(WorkerProcess.CANDIDATE_LOG), payload);
    }

    @Override
    public CalculationOutcome readOutcome(CalculationRequest request, byte tag, InputStream payload,
            Greeting greeting) throws IOException {
        return GpawPayloads.readOutcome(request, tag, payload, greeting.codeVersion());
    }

    /** GPAW's own failure lines in its text log (an SCF that did not converge, too few bands) and Python errors. */
    @Override
    public boolean isErrorLine(String line) {
        return line.startsWith("Did not converge") || line.startsWith("Not enough bands") || line.contains("Error");
    }
}
