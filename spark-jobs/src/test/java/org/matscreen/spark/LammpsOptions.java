package org.matscreen.spark;

import org.matscreen.core.sim.CodeOptions;
import org.matscreen.lammps.LammpsCode;
import org.matscreen.lammps.jna.LibraryLocator;
import org.matscreen.lammps.worker.SessionMode;

/** The LAMMPS code's options as a run on this machine resolves them: the library discovery finds here. */
final class LammpsOptions {
    private LammpsOptions() {}

    /** Sessions in the mode {@code auto} picks for the library. */
    static CodeOptions local() {
        return local(SessionMode.AUTO);
    }

    static CodeOptions local(SessionMode mode) {
        return LammpsCode.options(LibraryLocator.locate(null).path().toString(), mode);
    }
}
