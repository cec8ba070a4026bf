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

    /** The library path, or a {@link NativeUnavailableException} with the fix. */
    String require(MatscreenConfig config) {
        LibraryLocator.Result r = locate(config);
        if (!r.found()) {
            throw new NativeUnavailableException(r.fix());
        }
        return r.path().toString();
    }
}
