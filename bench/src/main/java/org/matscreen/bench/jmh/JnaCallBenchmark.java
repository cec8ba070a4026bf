package org.matscreen.bench.jmh;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.matscreen.lammps.deck.Commands;
import org.matscreen.lammps.jna.Lammps;
import org.matscreen.lammps.jna.LammpsLibrary;
import org.matscreen.lammps.jna.LammpsNative;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one call into LAMMPS through JNA costs, next to a trivial JNA call (libc {@code abs}: no system call, the
 * same interface mapping as {@link LammpsLibrary}, so the difference is LAMMPS' own work plus argument conversion)
 * and a trivial LAMMPS call without a handle ({@code lammps_config_has_exceptions}). {@code lammps_get_thermo} also
 * converts a Java string per call; {@code Lammps.thermo} adds matscreen's error check. {@code Commands.check} is the
 * pure-Java allowlist every outgoing command passes. Two instances (one behind the wrapper, one raw) live in the one
 * benchmark thread, which Debian's OpenMPI-linked library allows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JnaCallBenchmark {
    /** The one libc call the trivial baseline needs. */
    public interface CLib extends Library {
        int abs(int value);
    }

    @Param("/usr/lib/x86_64-linux-gnu/liblammps.so.0")
    public String lib;

    @Param("/usr/share/lammps/potentials/CuNi.eam.alloy")
    public String potential;

    private CLib libc;
    private LammpsLibrary raw;
    private Lammps lammps;
    private Pointer handle;
    private String typicalCommand;
    private int minusSeven = -7;

    @Setup
    public void open() {
        libc = Native.load("c", CLib.class);
        raw = LammpsNative.load(Path.of(lib));
        lammps = new Lammps(raw, List.of("-screen", "none", "-log", "none", "-nocite"));
        deck().forEach(lammps::command);
        String[] argv = {"bench", "-screen", "none", "-log", "none", "-nocite"};
        handle = raw.lammps_open_no_mpi(argv.length, argv, null);
        raw.lammps_commands_string(handle, String.join("\n", deck()) + "\n");
        typicalCommand = Commands.minimize(0, 1e-6, 5000, 50000);
    }

    /** A 108-atom fcc Cu cell evaluated once ({@code run 0}), so that thermo keywords hold values. */
    private List<String> deck() {
        List<String> d = new ArrayList<>(Commands.setup(new double[] {10.8, 10.8, 10.8, 0, 0, 0}, 1));
        d.add(Commands.mass(1, 63.546));
        d.add("lattice fcc 3.6");
        d.add("create_atoms 1 region cell");
        d.addAll(Commands.pair("eam/alloy", Path.of(potential), List.of("Cu")));
        d.addAll(Commands.thermo());
        d.add(Commands.runZero());
        return d;
    }

    @TearDown
    public void close() {
        raw.lammps_close(handle);
        lammps.close();
    }

    @Benchmark
    public int trivialJnaAbs() {
        return libc.abs(minusSeven);
    }

    @Benchmark
    public int lammpsConfigHasExceptions() {
        return raw.lammps_config_has_exceptions();
    }

    @Benchmark
    public double lammpsGetNatoms() {
        return raw.lammps_get_natoms(handle);
    }

    @Benchmark
    public double lammpsGetThermoPe() {
        return raw.lammps_get_thermo(handle, "pe");
    }

    @Benchmark
    public double wrapperThermoPe() {
        return lammps.thermo("pe");
    }

    @Benchmark
    public String commandsCheck() {
        return Commands.check(typicalCommand);
    }
}
