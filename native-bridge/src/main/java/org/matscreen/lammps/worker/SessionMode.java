package org.matscreen.lammps.worker;

import java.util.Locale;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.lammps.LammpsCode;
import org.matscreen.lammps.jna.LammpsLibrary;

/**
 * Where LAMMPS runs relative to the JVM that asks for calculations.
 *
 * <ul>
 *   <li>{@link #ISOLATED}: in a pooled worker process per task slot. Survives LAMMPS builds without exceptions (an
 *       error ends the worker, not the executor) and MPI builds that allow one instance per process.</li>
 *   <li>{@link #IN_PROCESS}: in the executor JVM itself, one instance per task thread. Only safe for a library with
 *       C++ exceptions (errors come back as messages) built without MPI (MPI stubs: several instances may run in
 *       threads of one process). Saves the worker protocol and process start-ups.</li>
 *   <li>{@link #AUTO}: in-process when the library is safe for it, isolated otherwise.</li>
 * </ul>
 */
public enum SessionMode {
    AUTO, ISOLATED, IN_PROCESS;

    /**
     * The configuration key ({@code --conf matscreen.lammps.mode=auto|isolated|in-process}): the
     * {@value LammpsCode#MODE} option of {@link LammpsCode}.
     */
    public static final String CONF_KEY = "matscreen." + LammpsCode.NAME + "." + LammpsCode.MODE;

    public static SessionMode parse(String text) {
        if (text == null || text.isBlank()) {
            return AUTO;
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (t) {
            case "auto" -> AUTO;
            case "isolated" -> ISOLATED;
            case "in-process" -> IN_PROCESS;
            default -> throw new InvalidInputException("--conf", CONF_KEY, "must be auto, isolated or in-process, got '"
                    + text + "'");
        };
    }

    /** As {@link #parse} reads it: {@code auto}, {@code isolated} or {@code in-process}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Why in-process mode is unsafe with this library, or null if it is safe. */
    public static String inProcessRisk(LammpsLibrary lib) {
        if (lib.lammps_config_has_exceptions() == 0) {
            return "the library has no exception support, so any LAMMPS error would end the whole JVM";
        }
        if (lib.lammps_config_has_mpi_support() != 0) {
            return "the library is linked against MPI, which allows no concurrent instances in one process";
        }
        return null;
    }

    /** The mode to use for this library. */
    public SessionMode resolve(LammpsLibrary lib) {
        String risk = inProcessRisk(lib);
        return switch (this) {
            case AUTO -> risk == null ? IN_PROCESS : ISOLATED;
            case ISOLATED -> ISOLATED;
            case IN_PROCESS -> {
                if (risk != null) {
                    throw new InvalidInputException("--conf", CONF_KEY, "in-process mode is unsafe here: " + risk);
                }
                yield IN_PROCESS;
            }
        };
    }
}
