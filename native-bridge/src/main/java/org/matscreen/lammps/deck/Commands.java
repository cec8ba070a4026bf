package org.matscreen.lammps.deck;

import static org.matscreen.lammps.deck.DeckValues.element;
import static org.matscreen.lammps.deck.DeckValues.existingFile;
import static org.matscreen.lammps.deck.DeckValues.integer;
import static org.matscreen.lammps.deck.DeckValues.kimModelId;
import static org.matscreen.lammps.deck.DeckValues.minStyle;
import static org.matscreen.lammps.deck.DeckValues.number;
import static org.matscreen.lammps.deck.DeckValues.outputFile;
import static org.matscreen.lammps.deck.DeckValues.pairStyle;

import java.nio.file.Path;
import java.util.List;

/**
 * The only place LAMMPS command text is made. Each method emits one known command from validated arguments (see
 * {@link DeckValues}); there is deliberately no method that accepts free text.
 */
public final class Commands {
    /** Box and tilt lengths beyond which a value is certainly a bug, Å. */
    private static final double MAX_LENGTH = 1e5;
    private static final int MAX_TYPES = 64;
    /** Largest target pressure of a relaxation, bar (1 Mbar = 100 GPa, far beyond any E(V) window). */
    private static final double MAX_PRESSURE_BAR = 1e6;

    /** The only LAMMPS commands matscreen ever sends (checked again on the way out, see {@link #check(String)}). */
    static final java.util.Set<String> ALLOWED = java.util.Set.of("clear", "units", "atom_style", "atom_modify",
            "boundary", "region", "create_box", "mass", "pair_style", "pair_coeff", "neighbor", "neigh_modify",
            "thermo_style", "thermo_modify", "thermo", "log", "fix", "unfix", "min_style", "minimize", "run",
            "change_box", "kim", "compute", "uncompute");
    /** The only KIM sub-commands: {@code kim query} (network) and the rest are never sent. */
    static final java.util.Set<String> ALLOWED_KIM = java.util.Set.of("init", "interactions");

    private Commands() {}

    /**
     * Second wall behind the builders: a command must start with an allowed word and contain no character with a
     * meaning in LAMMPS' input language beyond plain words and numbers ({@code $ # & ' " ;}, control characters).
     * {@code thermo_modify format} is the one command with a {@code %}, and it is a constant of this class.
     *
     * @throws IllegalStateException if a command would break either rule (a bug, never user input)
     */
    public static String check(String command) {
        String first = command.split(" ", 2)[0];
        if (!ALLOWED.contains(first)) {
            throw new IllegalStateException("refusing to send a LAMMPS command outside the allowed set: " + first);
        }
        if (first.equals("kim")) {
            String[] words = command.split(" ", 3);
            if (words.length < 2 || !ALLOWED_KIM.contains(words[1])) {
                throw new IllegalStateException("refusing to send a KIM command outside the allowed set ("
                        + ALLOWED_KIM + "): " + DeckValues.printable(command));
            }
        }
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c < 0x20 || c == 0x7f || "$#&'\";".indexOf(c) >= 0) {
                throw new IllegalStateException("refusing to send a LAMMPS command with character U+"
                        + String.format("%04X", (int) c) + ": " + DeckValues.printable(command));
            }
        }
        return command;
    }

    /** Commands that reset LAMMPS and set up a periodic metal-units system with a triclinic box and an atom map. */
    public static List<String> setup(double[] box, int types) {
        return setup("units metal", box, types);
    }

    /**
     * As {@link #setup(double[], int)} for a KIM portable model: {@code kim init <model> metal} takes the place of
     * {@code units metal}, because LAMMPS requires it before the box exists. Then {@link #kimInteractions} after the
     * box, and masses after that.
     */
    public static List<String> kimSetup(String modelId, double[] box, int types) {
        return setup("kim init " + kimModelId(modelId) + " metal", box, types);
    }

    /** {@code kim interactions <element per type>}: the model's pair style and coefficients, set by LAMMPS' KIM package. */
    public static String kimInteractions(List<String> elementPerType) {
        StringBuilder b = new StringBuilder("kim interactions");
        for (String e : elementPerType) {
            b.append(' ').append(element(e));
        }
        return b.toString();
    }

    private static List<String> setup(String units, double[] box, int types) {
        // box = {lx, ly, lz, xy, xz, yz}
        return List.of(
                "clear",
                units,
                "atom_style atomic",
                "atom_modify map array sort 0 0.0",
                "boundary p p p",
                "region cell prism 0 " + len(box[0]) + " 0 " + len(box[1]) + " 0 " + len(box[2]) + " "
                        + tilt(box[3]) + " " + tilt(box[4]) + " " + tilt(box[5]) + " units box",
                "create_box " + integer(types, 1, MAX_TYPES, "number of atom types") + " cell");
    }

    public static String mass(int type, double massAmu) {
        return "mass " + integer(type, 1, MAX_TYPES, "atom type") + " " + number(massAmu, 0.5, 500, "atomic mass");
    }

    /** {@code pair_style <style>} then {@code pair_coeff * * <file> <element per type>}. */
    public static List<String> pair(String style, Path file, List<String> elementPerType) {
        StringBuilder coeff = new StringBuilder("pair_coeff * * ").append(existingFile(file));
        for (String e : elementPerType) {
            coeff.append(' ').append(element(e));
        }
        return List.of("pair_style " + pairStyle(style), coeff.toString());
    }

    /** Neighbour settings suited to small, frequently deformed cells. */
    public static List<String> neighbour(double skinAngstrom) {
        return List.of("neighbor " + number(skinAngstrom, 0.1, 5, "neighbour skin") + " bin",
                "neigh_modify delay 0 every 1 check yes");
    }

    /** The thermo keywords matscreen reads back; output only at the first and last step of each run. */
    public static List<String> thermo() {
        return List.of("thermo_style custom step pe press pxx pyy pzz pyz pxz pxy vol lx ly lz xy xz yz fmax fnorm",
                "thermo_modify norm no format float %20.15g", "thermo 0");
    }

    /** Opens (truncating) a new log file: every candidate gets a fresh one, so a crash log holds only its lines. */
    public static String log(Path file) {
        return "log " + outputFile(file);
    }

    /** Relaxes all six cell components to zero stress while the minimiser moves atoms. */
    public static String boxRelax(double vmax) {
        return "fix matscreen_relax all box/relax tri 0.0 vmax " + number(vmax, 1e-5, 0.1, "vmax") + " nreset 1";
    }

    /**
     * Relaxes the cell at a hydrostatic target pressure with its shape held: {@code iso} scales all three edges
     * together (cubic), {@code x y z couple xy} scales a and b together and c on its own (hexagonal). Tilts stay.
     *
     * @param hexagonal false for the cubic constraint, true for the hexagonal one
     * @param pressureBar target pressure, bar (positive: compression)
     */
    public static String boxRelaxShapeFixed(boolean hexagonal, double pressureBar, double vmax) {
        String p = number(pressureBar, -MAX_PRESSURE_BAR, MAX_PRESSURE_BAR, "target pressure");
        String tail = " vmax " + number(vmax, 1e-5, 0.1, "vmax") + " nreset 1";
        return hexagonal ? "fix matscreen_relax all box/relax x " + p + " y " + p + " z " + p + " couple xy" + tail
                : "fix matscreen_relax all box/relax iso " + p + tail;
    }

    /** Relaxes all six cell components to a hydrostatic target pressure (bar) while the minimiser moves atoms. */
    public static String boxRelaxFree(double pressureBar, double vmax) {
        return "fix matscreen_relax all box/relax tri " + number(pressureBar, -MAX_PRESSURE_BAR, MAX_PRESSURE_BAR,
                "target pressure") + " vmax " + number(vmax, 1e-5, 0.1, "vmax") + " nreset 1";
    }

    /**
     * Common-neighbour analysis of every atom with a fixed cut-off (Å): LAMMPS' {@code compute cna/atom} (1 fcc,
     * 2 hcp, 3 bcc, 4 icosahedral, 5 unknown).
     */
    public static String cna(String id, double cutoffAngstrom) {
        return "compute " + identifier(id) + " all cna/atom " + number(cutoffAngstrom, 0.5, 20, "CNA cut-off");
    }

    public static String uncompute(String id) {
        return "uncompute " + identifier(id);
    }

    /** Ids of computes and fixes: matscreen's own constants, lower-case letters and underscores. */
    private static String identifier(String id) {
        if (!id.matches("matscreen_[a-z_]{1,40}")) {
            throw new IllegalArgumentException("not a matscreen compute id: " + DeckValues.printable(id));
        }
        return id;
    }

    public static String unfixBoxRelax() {
        return "unfix matscreen_relax";
    }

    public static String minStyleCommand(String style) {
        return "min_style " + minStyle(style);
    }

    public static String minimize(double etol, double ftol, int maxIterations, int maxEvaluations) {
        return "minimize " + number(etol, 0, 1, "energy tolerance") + " " + number(ftol, 0, 10, "force tolerance") + " "
                + integer(maxIterations, 1, 10_000_000, "max iterations") + " "
                + integer(maxEvaluations, 1, 100_000_000, "max evaluations");
    }

    /** One force/energy evaluation without moving atoms. */
    public static String runZero() {
        return "run 0 post no";
    }

    /**
     * Sets the box to the given origin, lengths and tilts (Å), mapping atoms with it (affine deformation).
     *
     * @param lo {xlo, ylo, zlo}
     * @param box {lx, ly, lz, xy, xz, yz}
     */
    public static String changeBox(double[] lo, double[] box) {
        return "change_box all x final " + pos(lo[0]) + " " + pos(lo[0] + box[0]) + " y final " + pos(lo[1]) + " "
                + pos(lo[1] + box[1]) + " z final " + pos(lo[2]) + " " + pos(lo[2] + box[2]) + " xy final "
                + tilt(box[3]) + " xz final " + tilt(box[4]) + " yz final " + tilt(box[5]) + " remap units box";
    }

    private static String len(double v) {
        return number(v, 0.1, MAX_LENGTH, "box length");
    }

    private static String tilt(double v) {
        return number(v, -MAX_LENGTH, MAX_LENGTH, "box tilt");
    }

    private static String pos(double v) {
        return number(v, -MAX_LENGTH, MAX_LENGTH, "box bound");
    }
}
