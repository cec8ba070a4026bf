package org.matscreen.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A matscreen installation assembled from this test JVM's own classpath, for tests that run the shell scripts (Spark
 * standalone, batch jobs) as a user would. Maven runs the cli module's tests before it packages
 * {@code cli/target/lib}, so the tests cannot use that: {@code lib/} here links every jar of the classpath and packs
 * class folders into jars, and {@code matscreen-cli.jar} is packed from {@code cli/target/classes}. The scripts find it
 * through {@code MATSCREEN_JAR} and {@code MATSCREEN_LIB}.
 *
 * @param checkout the matscreen checkout (MATSCREEN_HOME: scripts and batch runners)
 * @param jar the CLI jar
 * @param lib the folder of runtime jars
 */
record TestDistribution(Path checkout, Path jar, Path lib) {

    /** Builds the installation under {@code dir}. */
    static TestDistribution create(Path dir) {
        Path checkout = findCheckout();
        Path lib = dir.resolve("lib");
        Path jar = dir.resolve("matscreen-cli.jar");
        try {
            Files.createDirectories(lib);
            Set<String> names = new HashSet<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path p = Path.of(entry).toAbsolutePath().normalize();
                if (p.endsWith(Path.of("target", "test-classes")) || !Files.exists(p)) {
                    continue;
                }
                if (p.endsWith(Path.of("cli", "target", "classes"))) {
                    pack(p, jar);
                } else if (Files.isDirectory(p)) {
                    pack(p, lib.resolve(unique(names, p.getParent().getParent().getFileName() + "-classes.jar")));
                } else {
                    Files.createSymbolicLink(lib.resolve(unique(names, p.getFileName().toString())), p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot assemble a test installation in " + dir, e);
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("cli/target/classes is not on the test classpath");
        }
        return new TestDistribution(checkout, jar, lib);
    }

    /** The checkout: the first folder at or above the working directory that holds {@code slurm/lib.sh}. */
    static Path findCheckout() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("slurm/lib.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("no matscreen checkout above " + Path.of("").toAbsolutePath());
    }

    /**
     * The environment for the scripts and the jobs: this installation, its own result cache, and Spark bound to
     * loopback (tests reach no other address).
     */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MATSCREEN_HOME", checkout.toString());
        env.put("MATSCREEN_JAR", jar.toString());
        env.put("MATSCREEN_LIB", lib.toString());
        env.put("MATSCREEN_SPARK_HOST", "127.0.0.1");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        // The shared result cache of this installation, not the user's (~/.cache/matscreen).
        env.put("MATSCREEN_CACHE", lib.getParent().resolve("cache").toString());
        return env;
    }

    /** A command that runs the matscreen CLI of this installation. */
    List<String> cli(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", jar + File.pathSeparator + lib + File.separator + "*", "org.matscreen.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    Path script(String relative) {
        return checkout.resolve(relative);
    }

    private static String unique(Set<String> names, String name) {
        String n = name;
        for (int i = 2; !names.add(n); i++) {
            n = i + "-" + name;
        }
        return n;
    }

    private static void pack(Path dir, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
                Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(f)) {
                    j.putNextEntry(new JarEntry(dir.relativize(f).toString().replace(File.separatorChar, '/')));
                    Files.copy(f, j);
                    j.closeEntry();
                }
            }
        }
    }
}
