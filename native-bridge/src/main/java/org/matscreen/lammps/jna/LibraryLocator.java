package org.matscreen.lammps.jna;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the LAMMPS shared library without ever throwing {@link UnsatisfiedLinkError} at a user. Order: the explicit
 * path from configuration ({@code lammps.library} / system property {@value #PROPERTY}), the environment variable
 * {@value #ENV}, then {@code liblammps.so*} in the directories of {@code LD_LIBRARY_PATH} (where {@code spack load} and
 * {@code module load} put a site build) and the system library directories of any architecture
 * ({@code /usr/lib/<triplet>}, so aarch64 works as x86_64 does).
 */
public final class LibraryLocator {
    public static final String ENV = "MATSCREEN_LAMMPS_LIB";
    public static final String PROPERTY = "matscreen.lammps.lib";

    /** Where the library was found, or why not, with every path tried. */
    public record Result(Path path, String origin, List<String> tried) {
        public boolean found() {
            return path != null;
        }

        /** What to tell a user when nothing was found. */
        public String fix() {
            return "LAMMPS shared library not found (tried: " + String.join("; ", tried) + "). On Debian or Ubuntu run"
                    + " 'scripts/setup.sh' (installs liblammps0 and lammps-data). Elsewhere point matscreen at your"
                    + " build: export " + ENV + "=/path/to/liblammps.so, or set lammps.library in"
                    + " ~/.config/matscreen/matscreen.properties (a Spack build: spack load lammps, then"
                    + " " + ENV + "=$(spack location -i lammps)/lib/liblammps.so; LAMMPS must be built with"
                    + " -DBUILD_SHARED_LIBS=on and the MANYBODY package).";
        }
    }

    private LibraryLocator() {}

    /** Locates the library from the process environment and the given explicit path (may be null). */
    public static Result locate(String explicitPath) {
        return locate(explicitPath, System.getenv(), System.getProperty(PROPERTY));
    }

    static Result locate(String explicitPath, Map<String, String> env, String property) {
        List<String> tried = new ArrayList<>();
        for (String[] candidate : new String[][] {{explicitPath, "configuration (lammps.library)"},
                {property, "system property " + PROPERTY}, {env.get(ENV), "environment variable " + ENV}}) {
            String p = candidate[0];
            if (p != null && !p.isBlank()) {
                Path path = Path.of(p.strip());
                if (Files.isRegularFile(path) && Files.isReadable(path)) {
                    return new Result(path.toAbsolutePath(), candidate[1], tried);
                }
                tried.add(p + " (" + candidate[1] + ": no such readable file)");
                // An explicit choice that is wrong must not silently fall back to another library.
                return new Result(null, candidate[1], tried);
            }
        }
        Set<Path> dirs = new LinkedHashSet<>();
        String ld = env.get("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String d : ld.split(File.pathSeparator)) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        dirs.addAll(systemLibraryDirs());
        for (Path dir : dirs) {
            Path lib = findIn(dir);
            if (lib != null) {
                return new Result(lib, dir.toString().equals(ld) ? "LD_LIBRARY_PATH" : "library search path " + dir,
                        tried);
            }
            tried.add(dir + "/liblammps.so*");
        }
        return new Result(null, "none", tried);
    }

    /**
     * Why the file at {@code path} is not a LAMMPS library this machine can use, or null if it is: loads it (as the
     * driver's local executors would anyway) and looks for LAMMPS' entry point, so that a wrong file is found at once,
     * not when every executor fails on it.
     */
    public static String whyNotLammps(Path path) {
        com.sun.jna.NativeLibrary lib;
        try {
            lib = com.sun.jna.NativeLibrary.getInstance(path.toString());
        } catch (UnsatisfiedLinkError e) {
            String why = e.getMessage() == null ? "" : e.getMessage().strip().lines().findFirst().orElse("");
            return path + " is not a shared library this machine can load ("
                    + (why.length() > 300 ? why.substring(0, 300) + "…" : why) + "); give a LAMMPS shared library"
                    + " built for " + System.getProperty("os.arch") + " with --lammps-lib or " + ENV
                    + " (check its dependencies with: ldd " + path + ")";
        }
        try {
            lib.getFunction("lammps_open_no_mpi");
        } catch (UnsatisfiedLinkError e) {
            return path + " is not a LAMMPS library (it has no lammps_open_no_mpi); give LAMMPS' shared library"
                    + " (liblammps.so, built with -DBUILD_SHARED_LIBS=on) with --lammps-lib or " + ENV;
        }
        return null;
    }

    /** {@code liblammps.so}, else the highest {@code liblammps.so.N}, else a Spack/CMake variant such as {@code liblammps_mpi.so}. */
    static Path findIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        Path plain = dir.resolve("liblammps.so");
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        List<Path> versioned = new ArrayList<>();
        List<Path> variants = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "liblammps*.so*")) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.startsWith("liblammps.so.")) {
                    versioned.add(p);
                } else if (n.matches("liblammps_[A-Za-z0-9_]+\\.so(\\.\\d+)*")) {
                    variants.add(p);
                }
            }
        } catch (IOException e) {
            return null;
        }
        versioned.sort(null);
        variants.sort(null);
        if (!versioned.isEmpty()) {
            return versioned.get(versioned.size() - 1);
        }
        return variants.isEmpty() ? null : variants.get(0);
    }

    private static List<Path> systemLibraryDirs() {
        List<Path> dirs = new ArrayList<>();
        for (String base : new String[] {"/usr/lib", "/usr/lib64", "/usr/local/lib", "/usr/local/lib64", "/lib"}) {
            Path b = Path.of(base);
            dirs.add(b);
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(b, "*-linux-gnu*")) {
                for (Path p : ds) {
                    dirs.add(p);
                }
            } catch (IOException | RuntimeException e) {
                // not a directory on this system
            }
        }
        return dirs;
    }
}
