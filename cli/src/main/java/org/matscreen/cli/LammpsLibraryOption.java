package org.matscreen.cli;

import org.matscreen.lammps.jna.LibraryLocator;
import picocli.CommandLine.Option;

/** The shared {@code --lammps-lib} option and library resolution (option, then configuration, then discovery). */
final class LammpsLibraryOption {
    @Option(names = "--lammps-lib", paramLabel = "PATH",
            description = "LAMMPS shared library (default: $MATSCREEN_LAMMPS_LIB, lammps.library in the config file,"
                    + " then the system's liblammps.so*)")
    String path;

    LibraryLocator.Result locate(MatscreenConfig config) {
        return LibraryLocator.locate(path != null ? path : config.lammpsLibrary());
    }

    /**
     * The library path, or a {@link NativeUnavailableException} with the fix: also when the file is not a shared
     * library this machine can load, or one without LAMMPS' C API (found now, not when every executor fails on it).
     */
    String require(MatscreenConfig config) {
        LibraryLocator.Result r = locate(config);
        if (!r.found()) {
            throw new NativeUnavailableException(r.fix());
        }
        checkIsLammps(r.path().toString());
        return r.path().toString();
    }

    /** Loads the library (as the driver's local executors would anyway) and looks for LAMMPS' entry point. */
    static void checkIsLammps(String path) {
        com.sun.jna.NativeLibrary lib;
        try {
            lib = com.sun.jna.NativeLibrary.getInstance(path);
        } catch (UnsatisfiedLinkError e) {
            String why = e.getMessage() == null ? "" : e.getMessage().strip().lines().findFirst().orElse("");
            throw new NativeUnavailableException(path + " is not a shared library this machine can load ("
                    + (why.length() > 300 ? why.substring(0, 300) + "…" : why) + "); give a LAMMPS shared library"
                    + " built for " + System.getProperty("os.arch") + " with --lammps-lib or MATSCREEN_LAMMPS_LIB"
                    + " (check its dependencies with: ldd " + path + ")");
        }
        try {
            lib.getFunction("lammps_open_no_mpi");
        } catch (UnsatisfiedLinkError e) {
            throw new NativeUnavailableException(path + " is not a LAMMPS library (it has no lammps_open_no_mpi);"
                    + " give LAMMPS' shared library (liblammps.so, built with -DBUILD_SHARED_LIBS=on) with"
                    + " --lammps-lib or MATSCREEN_LAMMPS_LIB");
        }
    }
}
