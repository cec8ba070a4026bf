package org.matscreen.lammps.jna;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import org.matscreen.core.error.NativeCodeException;

/**
 * One LAMMPS instance: owns exactly one handle, closes idempotently and checks every call it can. With a library
 * built with exceptions, a failing command raises {@link NativeCodeException} carrying LAMMPS' message; without them
 * LAMMPS ends the process, which is why matscreen normally drives this class inside a supervised worker process.
 *
 * <p>Not thread-safe, and (with Debian's OpenMPI-linked library) no two instances may be driven from two threads of
 * one process.
 */
public final class Lammps implements AutoCloseable {
    private final LammpsLibrary lib;
    private final boolean exceptions;
    private volatile Pointer handle;

    /**
     * Opens an instance with the given command-line arguments (e.g. {@code -screen none -log none -nocite}); the
     * program name is prepended.
     */
    public Lammps(LammpsLibrary lib, List<String> args) {
        this.lib = lib;
        this.exceptions = lib.lammps_config_has_exceptions() != 0;
        List<String> argv = new ArrayList<>();
        argv.add("matscreen");
        argv.addAll(args);
        this.handle = lib.lammps_open_no_mpi(argv.size(), argv.toArray(new String[0]), null);
        if (handle == null) {
            throw new NativeCodeException("lammps_open_no_mpi returned no instance");
        }
        check("lammps_open_no_mpi");
    }

    /** True if the library was compiled with C++ exceptions, so errors come back instead of ending the process. */
    public boolean hasExceptions() {
        return exceptions;
    }

    /** Integer version date, e.g. 20210929. */
    public int version() {
        return lib.lammps_version(open());
    }

    /** Runs one command. The binding does not judge commands; matscreen's calculator only sends checked ones. */
    public void command(String cmd) {
        lib.lammps_command(open(), cmd);
        check(cmd);
    }

    public double natoms() {
        return lib.lammps_get_natoms(open());
    }

    /** A thermo keyword's value; valid right after a run or minimisation. */
    public double thermo(String keyword) {
        double v = lib.lammps_get_thermo(open(), keyword);
        check("thermo " + keyword);
        return v;
    }

    /** Box as {xlo, ylo, zlo, xhi, yhi, zhi, xy, yz, xz}, Å. */
    public double[] box() {
        double[] lo = new double[3];
        double[] hi = new double[3];
        double[] xy = new double[1];
        double[] yz = new double[1];
        double[] xz = new double[1];
        int[] pflags = new int[3];
        int[] boxflag = new int[1];
        lib.lammps_extract_box(open(), lo, hi, xy, yz, xz, pflags, boxflag);
        return new double[] {lo[0], lo[1], lo[2], hi[0], hi[1], hi[2], xy[0], yz[0], xz[0]};
    }

    public int setting(String keyword) {
        return lib.lammps_extract_setting(open(), keyword);
    }

    /** Creates atoms with types (1-based) at Cartesian positions (Å, 3 per atom) inside the current box. */
    public int createAtoms(int[] types, double[] positions) {
        int n = lib.lammps_create_atoms(open(), types.length, null, types, positions, null, null, 0);
        check("lammps_create_atoms");
        return n;
    }

    /** Per-atom vector property ordered by atom ID (needs consecutive IDs and an atom map), e.g. "x". */
    public double[] gather(String name, int count) {
        double[] data = new double[count * (int) natoms()];
        lib.lammps_gather_atoms(open(), name, 1, count, data);
        check("gather " + name);
        return data;
    }

    /**
     * The per-atom vector of a compute, ordered by atom ID (needs consecutive IDs and an atom map). The compute is
     * invoked first if it is not current, so it needs a {@code run 0} after its definition (for its neighbour list).
     */
    public double[] computePerAtom(String computeId) {
        Pointer p = lib.lammps_extract_compute(open(), computeId, 1, 1);
        check("extract_compute " + computeId);
        if (p == null) {
            throw new NativeCodeException("LAMMPS has no per-atom compute " + computeId);
        }
        double[] data = new double[(int) natoms()];
        lib.lammps_gather(open(), "c_" + computeId, 1, 1, data);
        check("gather c_" + computeId);
        return data;
    }

    public void scatter(String name, int count, double[] data) {
        lib.lammps_scatter_atoms(open(), name, 1, count, data);
        check("scatter " + name);
    }

    /**
     * Makes a running minimisation or run stop at its next timeout check. The only method that may be called from
     * another thread than the one driving this instance.
     */
    public void forceTimeout() {
        Pointer h = handle;
        if (h != null) {
            lib.lammps_force_timeout(h);
        }
    }

    public boolean hasStyle(String category, String name) {
        return lib.lammps_has_style(open(), category, name) != 0;
    }

    private Pointer open() {
        if (handle == null) {
            throw new IllegalStateException("LAMMPS instance is closed");
        }
        return handle;
    }

    private void check(String what) {
        if (exceptions && handle != null && lib.lammps_has_error(handle) != 0) {
            byte[] buf = new byte[2048];
            int kind = lib.lammps_get_last_error_message(handle, buf, buf.length);
            String msg = LammpsNative.cString(buf).strip();
            throw new NativeCodeException("LAMMPS error" + (kind == 2 ? " (MPI abort: instance unusable)" : "")
                    + " in '" + what + "': " + msg);
        }
    }

    /** Closes the instance; later calls are no-ops. */
    @Override
    public void close() {
        if (handle != null) {
            Pointer h = handle;
            handle = null;
            lib.lammps_close(h);
        }
    }
}
