package org.matscreen.lammps.jna;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The LAMMPS C library API ({@code src/library.h}, stable since the 2020 releases) as used by matscreen: every native
 * signature lives here and nowhere else. Names are the C names. {@code tagint}-sized arrays are avoided (passing
 * NULL lets LAMMPS assign IDs), so the mapping works for both the 32- and 64-bit integer builds.
 */
public interface LammpsLibrary extends Library {

    /** {@code void *lammps_open_no_mpi(int argc, char **argv, void **ptr)}. */
    Pointer lammps_open_no_mpi(int argc, String[] argv, PointerByReference ptr);

    void lammps_close(Pointer handle);

    /** {@code void lammps_mpi_finalize()}; only at process exit. */
    void lammps_mpi_finalize();

    /** LAMMPS version as an integer date, e.g. 20210929. */
    int lammps_version(Pointer handle);

    /** Runs one command; returns the command name or NULL on error (with exceptions compiled in). */
    Pointer lammps_command(Pointer handle, String cmd);

    void lammps_commands_string(Pointer handle, String str);

    double lammps_get_natoms(Pointer handle);

    /** Value of a thermo keyword; only valid right after a run or minimisation. */
    double lammps_get_thermo(Pointer handle, String keyword);

    void lammps_extract_box(Pointer handle, double[] boxlo, double[] boxhi, double[] xy, double[] yz, double[] xz,
            int[] pflags, int[] boxflag);

    int lammps_extract_setting(Pointer handle, String keyword);

    /** {@code void lammps_gather_atoms(void *, const char *name, int type, int count, void *data)}; type 1 = double. */
    void lammps_gather_atoms(Pointer handle, String name, int type, int count, double[] data);

    void lammps_scatter_atoms(Pointer handle, String name, int type, int count, double[] data);

    /** Creates n atoms; id, v and image may be NULL. Returns the number of atoms created. */
    int lammps_create_atoms(Pointer handle, int n, Pointer id, int[] type, double[] x, Pointer v, Pointer image,
            int bexpand);

    int lammps_has_style(Pointer handle, String category, String name);

    int lammps_config_has_exceptions();

    int lammps_config_has_mpi_support();

    int lammps_config_has_package(String name);

    int lammps_config_package_count();

    int lammps_config_package_name(int index, byte[] buffer, int bufferSize);

    /**
     * {@code void *lammps_extract_compute(void *, const char *id, int style, int type)}: style 1 = per-atom, type 1 =
     * vector. Invokes a per-atom compute that is not current. The pointer refers to LAMMPS' own storage.
     */
    Pointer lammps_extract_compute(Pointer handle, String id, int style, int type);

    /**
     * {@code void lammps_gather(void *, const char *name, int type, int count, void *data)}: a per-atom quantity
     * ({@code c_ID} for a compute's current values) ordered by atom ID; type 1 = double.
     */
    void lammps_gather(Pointer handle, String name, int type, int count, double[] data);

    /** With exceptions: 1 if the last call failed (2 if the error aborts MPI), 0 otherwise. */
    int lammps_has_error(Pointer handle);

    int lammps_get_last_error_message(Pointer handle, byte[] buffer, int bufferSize);

    void lammps_get_os_info(byte[] buffer, int bufferSize);

    /** Asks a running run or minimisation to stop at its next check (thread-safe; used for in-process timeouts). */
    void lammps_force_timeout(Pointer handle);
}
