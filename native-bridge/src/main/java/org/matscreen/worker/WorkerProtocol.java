package org.matscreen.worker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;

/**
 * What one simulation code's worker is to the code-neutral supervisor ({@link WorkerProcess}, {@link WorkerPool}):
 * how to start it, and how its payloads map to requests and outcomes. Everything else (frames, the start and
 * calculation watchdogs, crash and timeout outcomes, ping, shutdown, folders, pooling) is the supervisor's.
 *
 * <p>Implementations are values (records): the pool keeps idle workers by them, so two equal protocols must start
 * interchangeable workers.
 */
public interface WorkerProtocol {

    /** The code's name in messages, e.g. "LAMMPS". */
    String codeName();

    /** Folder under which each worker gets a folder of its own (its candidate log, standard error). */
    String workRoot();

    /** How long a worker may take to start and greet, s. */
    double startTimeoutSeconds();

    /** The command that starts a worker whose folder (and working directory) is {@code folder}. */
    List<String> command(Path folder);

    /**
     * Changes the code needs to the environment a worker inherits; the supervisor has removed the Slurm and MPI
     * launch variables already.
     */
    default void adjustEnvironment(Map<String, String> environment) {}

    /**
     * The worker's first frame read; an {@link Frames#ERROR} frame (a worker that could not load its code) or a payload
     * of another kind is an {@link IOException} carrying what the worker said. The supervisor checks
     * {@link Greeting#compatible()}.
     */
    Greeting readGreeting(byte tag, InputStream payload) throws IOException;

    /**
     * Writes the {@link Frames#COMPUTE} payload of {@code request}. Nothing has been sent yet when this throws: the
     * candidate fails with the exception's message (e.g. a model file whose checksum changed) and the worker stays.
     *
     * @param folder the worker's folder, where it keeps the log of the candidate in flight
     */
    void writeRequest(CalculationRequest request, Path folder, OutputStream payload) throws IOException;

    /**
     * The outcome in the worker's answer ({@link Frames#RESULT} or {@link Frames#ERROR}) to {@code request}. An
     * exception means the answer does not belong to the request or cannot be read (the stream is out of step): the
     * worker is then killed and the candidate reported as crashed, with the exception's message.
     */
    CalculationOutcome readOutcome(CalculationRequest request, byte tag, InputStream payload, Greeting greeting)
            throws IOException;

    /** True for a line of the candidate log that is the code's own error text, kept when a worker dies. */
    boolean isErrorLine(String line);
}
