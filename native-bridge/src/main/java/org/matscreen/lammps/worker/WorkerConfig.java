package org.matscreen.lammps.worker;

import java.io.File;
import java.io.Serializable;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How to start a worker process.
 *
 * @param libraryPath the resolved LAMMPS shared library
 * @param javaExecutable the {@code java} launcher (this JVM's by default)
 * @param jvmOptions options for the worker JVM (small heap: the memory is LAMMPS')
 * @param classpath classpath of the worker JVM
 * @param workRoot directory under which each worker gets its own folder (logs, stderr)
 * @param startTimeoutSeconds how long a worker may take to start and greet
 */
public record WorkerConfig(String libraryPath, String javaExecutable, List<String> jvmOptions, String classpath,
        String workRoot, double startTimeoutSeconds) implements Serializable {

    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx256m", "-Xss4m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    public WorkerConfig {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** Defaults: this JVM's launcher and the classpath that holds the worker's own classes. */
    public static WorkerConfig forLibrary(Path library, Path workRoot) {
        return new WorkerConfig(library.toAbsolutePath().toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), DEFAULT_JVM_OPTIONS,
                workerClasspath(), workRoot.toAbsolutePath().toString(), 120);
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
