package org.matscreen.lammps.worker;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.CellShape;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxMode;
import org.matscreen.core.sim.RelaxedState;
import org.matscreen.core.sim.Relaxation;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Status;
import org.matscreen.core.sim.Step;
import org.matscreen.core.sim.StrainStress;
import org.matscreen.core.structure.Lattice;
import org.matscreen.core.structure.Structure;
import org.matscreen.worker.Frames;
import org.matscreen.worker.Greeting;

/**
 * The LAMMPS worker's payloads: compact, field-by-field {@link DataOutputStream} encodings of requests, outcomes and
 * the greeting (a 108-atom request is about 3 kB), each carried in one frame of {@link Frames}. The fields need no
 * names: a worker runs on the parent's own classes ({@link WorkerConfig#workerClasspath()}).
 */
public final class Wire {
    /** The greeting detail that says whether the library reports exception support ("true"/"false"). */
    public static final String EXCEPTIONS = "exceptions";

    private Wire() {}

    /** The STARTED payload: magic, protocol, LAMMPS' version, whether the library has C++ exceptions. */
    static void writeGreeting(DataOutputStream out, String codeVersion, boolean exceptions) throws IOException {
        out.writeUTF(Frames.MAGIC);
        out.writeInt(Frames.PROTOCOL);
        out.writeUTF(codeVersion);
        out.writeBoolean(exceptions);
    }

    static Greeting readGreeting(DataInputStream in) throws IOException {
        return new Greeting(in.readUTF(), in.readInt(), in.readUTF(),
                Map.of(EXCEPTIONS, Boolean.toString(in.readBoolean())));
    }

    public static void writeRequest(DataOutputStream out, CalculationRequest r) throws IOException {
        out.writeUTF(r.candidateId());
        writeStructure(out, r.structure());
        PotentialRef p = r.potential();
        out.writeUTF(p.name());
        out.writeUTF(p.path());
        out.writeUTF(p.sha256());
        out.writeUTF(p.pairStyle());
        writeStrings(out, p.elements());
        out.writeUTF(p.citation());
        RelaxSettings rs = r.relax();
        out.writeDouble(rs.energyTolerance());
        out.writeDouble(rs.forceToleranceEvPerA());
        out.writeInt(rs.maxIterations());
        out.writeInt(rs.maxEvaluations());
        out.writeDouble(rs.pressureToleranceBar());
        out.writeDouble(rs.maxForceToleranceEvPerA());
        out.writeInt(rs.maxRestarts());
        out.writeUTF(rs.mode().name());
        PropertySettings ps = r.properties();
        out.writeBoolean(ps.equationOfState());
        out.writeInt(ps.eosPoints());
        out.writeDouble(ps.eosMaxVolumeStrain());
        out.writeBoolean(ps.elasticConstants());
        out.writeDouble(ps.elasticStrain());
        out.writeUTF(r.shape().name());
        int steps = 0;
        for (Step step : r.steps()) {
            steps |= 1 << step.ordinal();
        }
        out.writeInt(steps);
        out.writeDouble(r.timeoutSeconds());
    }

    public static CalculationRequest readRequest(DataInputStream in) throws IOException {
        String id = in.readUTF();
        Structure s = readStructure(in);
        PotentialRef p = new PotentialRef(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), readStrings(in),
                in.readUTF());
        RelaxSettings rs = new RelaxSettings(in.readDouble(), in.readDouble(), in.readInt(), in.readInt(),
                in.readDouble(), in.readDouble(), in.readInt(), RelaxMode.valueOf(in.readUTF()));
        PropertySettings ps = new PropertySettings(in.readBoolean(), in.readInt(), in.readDouble(), in.readBoolean(),
                in.readDouble());
        CellShape shape = CellShape.valueOf(in.readUTF());
        int bits = in.readInt();
        Set<Step> steps = EnumSet.noneOf(Step.class);
        for (Step step : Step.values()) {
            if ((bits & (1 << step.ordinal())) != 0) {
                steps.add(step);
            }
        }
        return new CalculationRequest(id, s, p, rs, ps, shape, steps, in.readDouble());
    }

    public static void writeOutcome(DataOutputStream out, CalculationOutcome o) throws IOException {
        out.writeUTF(o.candidateId());
        out.writeUTF(o.status().name());
        writeLongString(out, o.errorText());
        out.writeBoolean(o.relaxed() != null);
        if (o.relaxed() != null) {
            writeStructure(out, o.relaxed());
        }
        out.writeDouble(o.energyEv());
        writeRelaxation(out, o.relaxation());
        writeClasses(out, o.siteClasses());
        writeDoubles(out, o.eosVolumesA3PerAtom());
        writeDoubles(out, o.eosEnergiesEvPerAtom());
        StrainStress e = o.elastic();
        out.writeBoolean(e != null);
        if (e != null) {
            out.writeDouble(e.strain());
            for (int j = 0; j < 6; j++) {
                writeDoubles(out, e.stressPlusGpa()[j]);
                writeDoubles(out, e.stressMinusGpa()[j]);
            }
        }
        RelaxedState free = o.free();
        out.writeBoolean(free != null);
        if (free != null) {
            writeStructure(out, free.structure());
            out.writeDouble(free.energyEv());
            writeRelaxation(out, free.relaxation());
            writeClasses(out, free.siteClasses());
        }
        out.writeDouble(o.nativeSeconds());
        out.writeUTF(o.codeVersion());
    }

    private static void writeRelaxation(DataOutputStream out, Relaxation r) throws IOException {
        out.writeBoolean(r != null);
        if (r != null) {
            out.writeBoolean(r.converged());
            out.writeInt(r.minimisations());
            out.writeInt(r.iterations());
            out.writeUTF(r.stopReason());
            out.writeInt(r.earlyStops());
            out.writeDouble(r.maxForceEvPerA());
            out.writeDouble(r.maxPressureBar());
            writeDoubles(out, r.stressGpa());
        }
    }

    private static Relaxation readRelaxation(DataInputStream in) throws IOException {
        return in.readBoolean() ? new Relaxation(in.readBoolean(), in.readInt(), in.readInt(), in.readUTF(),
                in.readInt(), in.readDouble(), in.readDouble(), readDoubles(in)) : null;
    }

    /** Local-structure codes are 0..4: one byte each. */
    private static void writeClasses(DataOutputStream out, int[] classes) throws IOException {
        out.writeInt(classes.length);
        for (int c : classes) {
            out.writeByte(c);
        }
    }

    private static int[] readClasses(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 50_000_000) {
            throw new IOException("corrupt frame: class count " + n);
        }
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = in.readUnsignedByte();
        }
        return c;
    }

    public static CalculationOutcome readOutcome(DataInputStream in) throws IOException {
        String id = in.readUTF();
        Status status = Status.valueOf(in.readUTF());
        String error = readLongString(in);
        Structure relaxed = in.readBoolean() ? readStructure(in) : null;
        double energy = in.readDouble();
        Relaxation r = readRelaxation(in);
        int[] classes = readClasses(in);
        double[] v = readDoubles(in);
        double[] en = readDoubles(in);
        StrainStress e = null;
        if (in.readBoolean()) {
            double strain = in.readDouble();
            double[][] plus = new double[6][];
            double[][] minus = new double[6][];
            for (int j = 0; j < 6; j++) {
                plus[j] = readDoubles(in);
                minus[j] = readDoubles(in);
            }
            e = new StrainStress(strain, plus, minus);
        }
        RelaxedState free = null;
        if (in.readBoolean()) {
            Structure fs = readStructure(in);
            double fe = in.readDouble();
            free = new RelaxedState(fs, fe, readRelaxation(in), readClasses(in));
        }
        return new CalculationOutcome(id, status, error, relaxed, energy, r, classes, v, en, e, free, in.readDouble(),
                in.readUTF());
    }

    static void writeStructure(DataOutputStream out, Structure s) throws IOException {
        writeDoubles(out, s.lattice().rowMajor());
        writeStrings(out, s.speciesSymbols());
        int[] sp = s.siteSpecies();
        out.writeInt(sp.length);
        for (int v : sp) {
            out.writeByte(v);
        }
        writeDoubles(out, s.fractionalCoordinates());
    }

    static Structure readStructure(DataInputStream in) throws IOException {
        Lattice l = Lattice.of(readDoubles(in));
        List<String> species = readStrings(in);
        int[] sp = new int[in.readInt()];
        for (int i = 0; i < sp.length; i++) {
            sp[i] = in.readUnsignedByte();
        }
        return new Structure(l, species, sp, readDoubles(in));
    }

    static void writeDoubles(DataOutputStream out, double[] v) throws IOException {
        out.writeInt(v.length);
        for (double d : v) {
            out.writeDouble(d);
        }
    }

    static double[] readDoubles(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 50_000_000) {
            throw new IOException("corrupt frame: array length " + n);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }

    static void writeStrings(DataOutputStream out, List<String> v) throws IOException {
        out.writeInt(v.size());
        for (String s : v) {
            out.writeUTF(s);
        }
    }

    static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 10_000) {
            throw new IOException("corrupt frame: list length " + n);
        }
        List<String> v = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            v.add(in.readUTF());
        }
        return v;
    }

    /** Strings longer than writeUTF's 64 kB limit (error texts can be long). */
    static void writeLongString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readLongString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 10_000_000) {
            throw new IOException("corrupt frame: string length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
