package org.matscreen.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.matscreen.core.error.MatscreenException;

/**
 * Where the matscreen that renders a batch script is installed, so the script runs the same build on the compute
 * nodes (which share the file system): the checkout ({@code slurm/} and {@code scripts/} scripts), the CLI jar and
 * the folder of runtime jars. From {@code MATSCREEN_HOME}, {@code MATSCREEN_JAR} and {@code MATSCREEN_LIB} (the
 * launcher sets the first), else from the location of this class.
 */
record Installation(Path home, Path jar, Path lib) {

    /** The installation; {@code requireBuild}: its jars must exist (not needed to only show a script). */
    static Installation discover(Map<String, String> env, boolean requireBuild) {
        Path home = env.containsKey("MATSCREEN_HOME") ? Path.of(env.get("MATSCREEN_HOME")) : homeFromCodeSource();
        home = home.toAbsolutePath().normalize();
        Path jar = env.containsKey("MATSCREEN_JAR") ? Path.of(env.get("MATSCREEN_JAR"))
                : home.resolve("cli/target/matscreen-cli.jar");
        Path lib = env.containsKey("MATSCREEN_LIB") ? Path.of(env.get("MATSCREEN_LIB"))
                : home.resolve("cli/target/lib");
        Installation i = new Installation(home, jar.toAbsolutePath().normalize(), lib.toAbsolutePath().normalize());
        i.check(requireBuild);
        return i;
    }

    /** {@code <home>/cli/target/matscreen-cli.jar} or {@code <home>/cli/target/classes}: three folders up. */
    private static Path homeFromCodeSource() {
        try {
            Path p = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = p.getParent();
            if (target != null && target.getParent() != null && target.getParent().getParent() != null) {
                return target.getParent().getParent();
            }
        } catch (URISyntaxException | NullPointerException | IllegalArgumentException e) {
            // falls through to the message below
        }
        throw new MatscreenException("cannot tell where matscreen is installed: set MATSCREEN_HOME to the checkout"
                + " (the matscreen launcher does)");
    }

    private void check(boolean requireBuild) {
        if (!Files.isRegularFile(home.resolve("slurm/lib.sh"))
                || !Files.isRegularFile(home.resolve("scripts/spark-standalone/submit.sh"))) {
            throw new MatscreenException("MATSCREEN_HOME=" + home + " is not a matscreen checkout (no slurm/lib.sh"
                    + " or scripts/spark-standalone/submit.sh)");
        }
        if (requireBuild && !built()) {
            throw new MatscreenException("matscreen is not built (" + jar + " or " + lib + " is missing): run"
                    + " 'mvn -DskipTests package' in " + home + " before submitting");
        }
    }

    /** Whether the jars the scripts run exist. */
    boolean built() {
        return Files.isRegularFile(jar) && Files.isDirectory(lib);
    }
}
