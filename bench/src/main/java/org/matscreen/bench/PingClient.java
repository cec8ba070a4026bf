package org.matscreen.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.matscreen.lammps.worker.Wire;
import org.matscreen.lammps.worker.WorkerConfig;
import org.matscreen.lammps.worker.WorkerMain;

/**
 * A minimal parent for a matscreen worker that speaks only the no-op part of the protocol ({@link Wire#PING} /
 * {@link Wire#PONG}): {@code WorkerProcess} exposes no ping, and the round trip of an empty frame is the floor under
 * every candidate's protocol cost. The worker is started with the same command line as {@code WorkerProcess.start}.
 */
final class PingClient implements AutoCloseable {
    private final Process process;
    private final DataOutputStream out;
    private final DataInputStream in;

    PingClient(WorkerConfig cfg, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>();
        cmd.add(cfg.javaExecutable());
        cmd.addAll(cfg.jvmOptions());
        cmd.add("-cp");
        cmd.add(cfg.classpath());
        cmd.add(WorkerMain.class.getName());
        cmd.add(cfg.libraryPath());
        cmd.add(dir.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve("worker.err").toFile());
        pb.environment().remove("LAMMPS_POTENTIALS");
        process = pb.start();
        out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        if (in.readByte() != Wire.STARTED || in.readInt() != Wire.MAGIC || in.readInt() != Wire.VERSION) {
            throw new IOException("the process did not greet as a matscreen worker");
        }
        in.readUTF();
        in.readBoolean();
        in.readLong();
    }

    /** One PING/PONG round trip, ns. */
    long ping() throws IOException {
        long t0 = System.nanoTime();
        out.writeByte(Wire.PING);
        out.flush();
        byte tag = in.readByte();
        long t = System.nanoTime() - t0;
        if (tag != Wire.PONG) {
            throw new IOException("expected PONG, got frame " + tag);
        }
        return t;
    }

    @Override
    public void close() throws IOException {
        try {
            out.writeByte(Wire.SHUTDOWN);
            out.flush();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
