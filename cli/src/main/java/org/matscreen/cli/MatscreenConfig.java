package org.matscreen.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.matscreen.core.error.InvalidInputException;

/**
 * User configuration from {@code $MATSCREEN_CONFIG} or {@code ~/.config/matscreen/matscreen.properties}. Keys:
 * {@code lammps.library} (path of the LAMMPS shared library) and {@code potentials.dirs} (colon-separated
 * directories searched for potential files before Debian's). Command-line options and environment variables win.
 */
public record MatscreenConfig(Path file, Properties values) {
    public static final String ENV = "MATSCREEN_CONFIG";

    public static MatscreenConfig load() {
        String env = System.getenv(ENV);
        Path f = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".config", "matscreen", "matscreen.properties");
        Properties p = new Properties();
        if (Files.isRegularFile(f)) {
            try (Reader r = Files.newBufferedReader(f)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new InvalidInputException(f.toString(), "", "cannot read configuration: " + e.getMessage());
            }
        } else if (env != null && !env.isBlank()) {
            throw new InvalidInputException(ENV, f.toString(), "no such configuration file");
        }
        return new MatscreenConfig(f, p);
    }

    public String lammpsLibrary() {
        return values.getProperty("lammps.library");
    }

    public String potentialDirs() {
        return values.getProperty("potentials.dirs");
    }
}
