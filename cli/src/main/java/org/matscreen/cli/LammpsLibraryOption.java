package org.matscreen.cli;

import java.util.Map;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.sim.CodeOptions;
import org.matscreen.core.sim.SimulationCodes;
import picocli.CommandLine.Option;

/**
 * The shared {@code --lammps-lib} option, which is the LAMMPS code's {@code library} option, and the resolution of a
 * code's options (the option, then {@code --conf matscreen.<code>.*}, then the config file, then the code's own
 * discovery).
 */
final class LammpsLibraryOption {
    /** The LAMMPS code's name and its library option (the CLI reaches the code only through the SPI). */
    private static final String LAMMPS = "lammps";
    private static final String LIBRARY = "library";

    @Option(names = "--lammps-lib", paramLabel = "PATH",
            description = "LAMMPS shared library (default: $MATSCREEN_LAMMPS_LIB, lammps.library in the config file,"
                    + " then the system's liblammps.so*)")
    String path;

    /**
     * The options {@code code} is asked for: its {@code --conf matscreen.<code>.*} settings and, for LAMMPS, the
     * library of {@code --lammps-lib}, else of {@code --conf matscreen.lammps.library}, else {@code lammps.library}
     * of the config file.
     */
    CodeOptions requested(String code, Map<String, String> conf, MatscreenConfig config) {
        CodeOptions options = CodeOptions.fromConf(code, conf);
        if (!code.equals(LAMMPS)) {
            return options;
        }
        return options.with(LIBRARY, path != null ? path : options.get(LIBRARY, config.lammpsLibrary()));
    }

    /**
     * The options resolved by the code on this machine; a code that is not installed, or not usable here (a file that
     * is not a shared library this machine can load, or one without LAMMPS' C API), is a
     * {@link NativeUnavailableException} with the fix, found now rather than when every executor fails on it.
     */
    CodeOptions require(String code, Map<String, String> conf, MatscreenConfig config) {
        try {
            return SimulationCodes.get(code).resolve(requested(code, conf, config));
        } catch (InvalidInputException e) {
            throw e;
        } catch (MatscreenException e) {
            // the SPI's way to say the code is missing here (see SimulationCode#resolve)
            throw new NativeUnavailableException(e.getMessage());
        }
    }
}
