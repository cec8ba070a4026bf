package org.matscreen.lammps.worker;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.Status;
import org.matscreen.lammps.LammpsCalculator;
import org.matscreen.lammps.jna.Lammps;
import org.matscreen.lammps.jna.LammpsLibrary;
import org.matscreen.lammps.jna.LammpsNative;
import org.matscreen.worker.Frames;
import org.matscreen.worker.WorkerProcess;

/**
 * Entry point of a worker process: hosts exactly one LAMMPS instance and serves calculations over its standard input
 * and output in {@link Frames}, with {@link Wire}'s payloads. Before LAMMPS is loaded, the original standard output is duplicated to a private descriptor for the
 * protocol and descriptor 1 is pointed at standard error, so nothing native code prints can corrupt a frame.
 *
 * <p>Arguments: {@code <library path> <work directory>}.
 */
public final class WorkerMain {

    /** The two libc calls needed to move the protocol off descriptor 1. */
    interface CLib extends Library {
        int dup(int fd);

        int dup2(int oldFd, int newFd);
    }

    private WorkerMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: WorkerMain <liblammps path> <work directory>");
            System.exit(2);
        }
        CLib libc = Native.load("c", CLib.class);
        int protocolFd = libc.dup(1);
        if (protocolFd < 0 || libc.dup2(2, 1) < 0) {
            System.err.println("worker: cannot set up the protocol descriptor");
            System.exit(3);
        }
        System.setOut(new PrintStream(new FileOutputStream("/dev/fd/2"), true));
        Frames frames = new Frames(new FileInputStream("/dev/fd/0"), new FileOutputStream("/dev/fd/" + protocolFd));

        Path workDir = Path.of(args[1]);
        Files.createDirectories(workDir);
        Path candidateLog = workDir.resolve(WorkerProcess.CANDIDATE_LOG);
        LammpsLibrary lib = LammpsNative.load(Path.of(args[0]));
        try (Lammps lammps = new Lammps(lib, List.of("-screen", "none", "-log", "none", "-nocite"))) {
            LammpsCalculator calculator = new LammpsCalculator(lammps, candidateLog);
            Wire.writeGreeting(new DataOutputStream(frames.startPayload()), calculator.codeVersion(),
                    lammps.hasExceptions());
            frames.send(Frames.STARTED);
            serve(frames, calculator);
        }
        System.exit(0);
    }

    private static void serve(Frames frames, LammpsCalculator calculator) throws IOException {
        while (true) {
            byte tag;
            try {
                tag = frames.receive();
            } catch (EOFException e) {
                return; // parent went away: exit quietly
            }
            switch (tag) {
                case Frames.COMPUTE -> {
                    CalculationRequest req = Wire.readRequest(new DataInputStream(frames.received()));
                    CalculationOutcome outcome;
                    try {
                        outcome = calculator.compute(req);
                    } catch (RuntimeException e) {
                        // With an exception-enabled LAMMPS, or a validation failure before LAMMPS saw anything.
                        outcome = CalculationOutcome.failure(req.candidateId(), Status.FAILED, String.valueOf(
                                e.getMessage()), 0, calculator.codeVersion());
                    }
                    Wire.writeOutcome(new DataOutputStream(frames.startPayload()), outcome);
                    frames.send(Frames.RESULT);
                }
                case Frames.PING -> frames.send(Frames.PONG);
                case Frames.SHUTDOWN -> {
                    return;
                }
                default -> throw new IOException("worker: unknown frame tag " + tag);
            }
        }
    }
}
