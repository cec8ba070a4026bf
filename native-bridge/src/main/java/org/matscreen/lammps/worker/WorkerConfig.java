package org.matscreen.lammps.worker;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.worker.Frames;
import org.matscreen.worker.Greeting;
import org.matscreen.worker.WorkerProtocol;

/**
 * How to start a LAMMPS worker process ({@link WorkerMain}) and read what it says: the LAMMPS {@link WorkerProtocol},
 * with {@link Wire}'s binary payloads.
 *
 * @param libraryPath the resolved LAMMPS shared library
 * @param javaExecutable the {@code java} launcher (this JVM's by default)
 * @param jvmOptions options for the worker JVM (small heap: the memory is LAMMPS')
 * @param classpath classpath of the worker JVM
 * @param workRoot directory under which each worker gets its own folder (logs, stderr)
 * @param startTimeoutSeconds how long a worker may take to start and greet
 */
public record WorkerConfig(String libraryPath, String javaExecutable, List<String> jvmOptions, String classpath,
        String workRoot, double startTimeoutSeconds) implements WorkerProtocol, Serializable {

    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx256m", "-Xss4m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    public WorkerConfig {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * System property naming a class-data archive of the worker's classes ({@code scripts/cds-archive.sh} writes it;
     * the launcher sets the property when the archive is newer than the jars). Workers then map their classes instead
     * of loading and verifying them, which shortens every worker start, restarts included.
     */
    public static final String CDS_ARCHIVE_PROPERTY = "matscreen.worker.cds";

    /** System property naming where workers write such an archive when they exit (the training run only). */
    public static final String CDS_DUMP_PROPERTY = "matscreen.worker.cdsDump";

    @Override
    public String codeName() {
        return "LAMMPS";
    }

    @Override
    public List<String> command(Path folder) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable);
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(WorkerMain.class.getName());
        cmd.add(libraryPath);
        cmd.add(folder.toString());
        return cmd;
    }

    @Override
    public void adjustEnvironment(Map<String, String> environment) {
        // LAMMPS falls back to $LAMMPS_POTENTIALS/<basename> when a potential path does not exist, which could load a
        // file other than the one whose checksum the record states. Workers never get that fallback.
        environment.remove("LAMMPS_POTENTIALS");
    }

    @Override
    public Greeting readGreeting(byte tag, InputStream payload) throws IOException {
        if (tag != Frames.STARTED) {
            throw new IOException("expected a STARTED frame, got frame " + tag);
        }
        return Wire.readGreeting(new DataInputStream(payload));
    }

    @Override
    public void writeRequest(CalculationRequest request, Path folder, OutputStream payload) throws IOException {
        Wire.writeRequest(new DataOutputStream(payload), request);
    }

    @Override
    public CalculationOutcome readOutcome(CalculationRequest request, byte tag, InputStream payload,
            Greeting greeting) throws IOException {
        if (tag != Frames.RESULT) {
            throw new IOException("unexpected frame " + tag);
        }
        return Wire.readOutcome(new DataInputStream(payload));
    }

    /** LAMMPS' own error lines: the message, and the input line it came from. */
    @Override
    public boolean isErrorLine(String line) {
        return line.startsWith("ERROR") || line.startsWith("Last command");
    }

    /** Defaults: this JVM's launcher and the classpath that holds the worker's own classes. */
    public static WorkerConfig forLibrary(Path library, Path workRoot) {
        return new WorkerConfig(library.toAbsolutePath().toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                withClassData(DEFAULT_JVM_OPTIONS, System.getProperty(CDS_ARCHIVE_PROPERTY),
                        System.getProperty(CDS_DUMP_PROPERTY)),
                workerClasspath(), workRoot.toAbsolutePath().toString(), 120);
    }

    /**
     * {@code options} plus the class-data sharing flags: write an archive at exit ({@code dumpTo}, wins) or map an
     * existing one ({@code archive}). A missing archive adds nothing. The JVM itself refuses an archive whose jars
     * changed and then loads classes as usual; its CDS log is silenced so that this does not reach worker.err.
     */
    static List<String> withClassData(List<String> options, String archive, String dumpTo) {
        List<String> out = new java.util.ArrayList<>(options);
        if (dumpTo != null && !dumpTo.isBlank()) {
            out.add("-XX:ArchiveClassesAtExit=" + Path.of(dumpTo).toAbsolutePath());
            out.add("-Xlog:cds=off");
            out.add("-Xlog:cds+dynamic=off");
        } else if (archive != null && !archive.isBlank() && java.nio.file.Files.isRegularFile(Path.of(archive))) {
            out.add("-XX:SharedArchiveFile=" + Path.of(archive).toAbsolutePath());
            out.add("-Xlog:cds=off");
            out.add("-Xlog:cds+dynamic=off");
        }
        return List.copyOf(out);
    }

    /**
     * The jars or folders holding the worker and what it loads (core, JNA). Derived from code sources rather than
     * {@code java.class.path}, because a Spark executor loads the application jar through its own class loader.
     */
    public static String workerClasspath() {
        Set<String> parts = new LinkedHashSet<>();
        for (Class<?> c : List.of(WorkerMain.class, org.matscreen.core.composition.Composition.class,
                com.sun.jna.Native.class)) {
            try {
                parts.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException | NullPointerException e) {
                throw new IllegalStateException("cannot locate the classes of " + c.getName(), e);
            }
        }
        return String.join(File.pathSeparator, parts);
    }
}
