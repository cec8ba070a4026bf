package org.matscreen.potential;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.util.Hashing;
import org.matscreen.lammps.deck.DeckValues;

/**
 * Generates Zhou–Johnson–Wadley {@code eam/alloy} (setfl) files for any subset of the 17 metals of
 * {@link ZhouDatabase}, in double precision, and caches them by content.
 *
 * <p><b>One grid per campaign.</b> A setfl file's grid and cut-off depend on the elements it covers (LAMMPS
 * {@code create.f}: rc = √5·max r_e, ρ_max = max(f_i(0.5 Å), 2·max ρ_e, 100)). Energies of different chemical
 * systems, and of the pure-element references their formation enthalpies subtract, are only comparable if they see
 * the same cut-off, so the grid is computed once from the <em>campaign's</em> element set ({@link #campaignGrid}) and
 * every file of the campaign, whatever its subset, is tabulated on it.
 *
 * <p><b>Cross terms.</b> Unlike pairs come only from Johnson's mixing rule (see {@link ZhouFunctions#pair(
 * ZhouParameters, ZhouParameters, double)}); nothing was fitted to alloy data. The file header and the citation say so.
 *
 * <p><b>Cut-off on a neighbour shell.</b> The create.f cut-off √5·r_e of the campaign's largest metal is exactly
 * that metal's fifth-neighbour distance if it is fcc (√(5/2)·a) and a neighbour distance of ideal hcp (√5·a). The
 * functions are about 1e-6 there, not zero, so that metal's energy steps by about 1e-5 eV/atom (fcc) as the shell
 * crosses the cut-off: a relaxation started exactly at a(r_e) stalls on the step ("linesearch alpha is zero"), one
 * started elsewhere converges on one side of it, and hcp c/a can settle in minima about 1e-4 eV/atom apart.
 * Energies are unaffected at the meV level; the convention is kept so files match those of the LAMMPS tool.
 *
 * <p><b>Cache.</b> A file is named by its elements and the first 16 hex digits of its content key, the SHA-256 of the
 * canonical text of generator version, campaign description, grid and every parameter; the full key is the third
 * comment line and is checked before a cached file is reused. Files are written to a temporary file in the cache
 * directory, forced to disk and renamed into place, so a reader never sees a partial file and two processes that race
 * on the same file both end up with the same complete content.
 */
public final class ZhouEamGenerator {
    /** LAMMPS pair style of the generated files. */
    public static final String PAIR_STYLE = "eam/alloy";
    /** Points of both grids (nr = nρ), as in {@code create.f}. */
    public static final int GRID_POINTS = 2000;
    /** Smallest ρ_max of the density grid, as in {@code create.f}. */
    public static final double MIN_RHO_MAX = 100.0;
    /**
     * Version of the tabulation and file layout; part of the content key, so changing how files are made (format,
     * header, functions) must change it and thereby retire old cache entries.
     */
    static final String FORMAT_VERSION = "matscreen-zhou2004-setfl/1";
    /** Note on the mixing rule carried by every header and citation. */
    public static final String CROSS_TERM_NOTE = "cross pairs only from the mixing rule "
            + "phi_ab = 1/2 [f_b/f_a phi_aa + f_a/f_b phi_bb], not fitted to alloy data";

    private static final String KEY_PREFIX = "content-key sha256:";

    private final ZhouDatabase database;

    /** A generator over the shipped parameter table. */
    public ZhouEamGenerator() {
        this(ZhouDatabase.standard());
    }

    public ZhouEamGenerator(ZhouDatabase database) {
        this.database = database;
    }

    /**
     * The element order of generated files: distinct symbols, alphabetical — the order of
     * {@code Structure.speciesSymbols()}, so LAMMPS atom type t maps onto file element t.
     */
    public static List<String> fileOrder(Collection<String> elements) {
        return List.copyOf(new TreeSet<>(elements));
    }

    /**
     * The grid every file of a campaign shares: nr = nρ = {@value #GRID_POINTS}, rc = √5·max r_e (Å),
     * Δr = rc/(nr−1), ρ_max = max(max f_i(0.5 Å), 2·max ρ_e, {@value #MIN_RHO_MAX}), Δρ = ρ_max/(nρ−1), maxima over
     * the campaign's elements.
     *
     * @throws InvalidInputException if an element is not one of the 17 supported
     */
    public SetflGrid campaignGrid(Collection<String> campaignElements) {
        List<ZhouParameters> ps = database.parameters(fileOrder(requireSome(campaignElements, "campaign elements")));
        double reMax = 0;
        double rhoMax = MIN_RHO_MAX;
        for (ZhouParameters p : ps) {
            reMax = Math.max(reMax, p.reAngstrom());
            rhoMax = Math.max(rhoMax, Math.max(2 * p.rhoE(),
                    ZhouFunctions.density(p, ZhouFunctions.MIN_DISTANCE_ANGSTROM)));
        }
        double cutoff = Math.sqrt(5.0) * reMax;
        return new SetflGrid(GRID_POINTS, rhoMax / (GRID_POINTS - 1), GRID_POINTS, cutoff / (GRID_POINTS - 1), cutoff);
    }

    /**
     * Tabulates the given metals on a grid: F(ρ_i), f(max(r_k, 0.5 Å)) and max(r_k, 0.5 Å)·φ(max(r_k, 0.5 Å)).
     * Elements are put in {@link #fileOrder}; the comment lines describe an explicitly given grid.
     *
     * @throws InvalidInputException if an element is not one of the 17 supported
     */
    public SetflFile tabulate(Collection<String> elements, SetflGrid grid) {
        List<ZhouParameters> ps = database.parameters(fileOrder(requireSome(elements, "elements")));
        String gridNote = "explicit grid " + grid.canonicalText();
        return tabulate(ps, grid, gridNote, contentKey(ps, grid, gridNote));
    }

    /**
     * Generates (or reuses) the file for {@code elements} on the grid of {@code campaignElements}, in
     * {@code cacheDir}.
     *
     * @param elements the metals the file covers (any order, duplicates ignored); all must be campaign elements
     * @param campaignElements every metal of the campaign; defines the shared grid and cut-off
     * @param cacheDir directory of generated files (created if missing); its path must be safe for a LAMMPS command
     *     (letters, digits, {@code / . _ - + =})
     * @throws InvalidInputException for an unsupported element, an element outside the campaign, or an unsafe path
     */
    public GeneratedPotential generate(Collection<String> elements, Collection<String> campaignElements,
            Path cacheDir) {
        List<String> order = fileOrder(requireSome(elements, "elements"));
        List<String> campaign = fileOrder(requireSome(campaignElements, "campaign elements"));
        database.parameters(order);
        for (int i = 0; i < order.size(); i++) {
            if (!campaign.contains(order.get(i))) {
                throw new InvalidInputException("Zhou 2004 EAM generator", "elements[" + i + "]", order.get(i)
                        + " is not one of the campaign elements " + String.join(" ", campaign)
                        + "; the shared grid and cut-off are defined by the campaign's elements");
            }
        }
        SetflGrid grid = campaignGrid(campaign);
        return cached(order, grid, "grid of campaign elements " + String.join(" ", campaign)
                + ": rc = sqrt(5) max r_e, rho_max = max(f(0.5 A), 2 max rho_e, 100)", cacheDir);
    }

    /**
     * Generates (or reuses) the file for {@code elements} on an explicit grid, e.g. to reproduce a published file's
     * grid exactly.
     *
     * @throws InvalidInputException for an unsupported element or an unsafe cache path
     */
    public GeneratedPotential generate(Collection<String> elements, SetflGrid grid, Path cacheDir) {
        List<String> order = fileOrder(requireSome(elements, "elements"));
        return cached(order, grid, "explicit grid " + grid.canonicalText(), cacheDir);
    }

    private GeneratedPotential cached(List<String> order, SetflGrid grid, String gridNote, Path cacheDir) {
        List<ZhouParameters> ps = database.parameters(order);
        String key = contentKey(ps, grid, gridNote);
        String name = "Zhou04_" + String.join("", order) + "_" + key.substring(0, 16) + ".eam.alloy";
        Path dir = cacheDir.toAbsolutePath().normalize();
        Path target = dir.resolve(name);
        if (!DeckValues.isSafePath(target.toString())) {
            throw new InvalidInputException(dir.toString(), "potential cache directory", "the path has characters "
                    + "that are unsafe in a LAMMPS command; use letters, digits and / . _ - + = only");
        }
        if (!hasKey(target, key)) {
            writeAtomically(target, SetflWriter.toText(tabulate(ps, grid, gridNote, key)));
        }
        return new GeneratedPotential(target, Hashing.sha256Hex(target), order, grid, key, citation(order));
    }

    /** The references of a file's parameters plus the mixing-rule note. */
    public static String citation(Collection<String> elements) {
        return ZhouDatabase.citation(elements) + "; " + CROSS_TERM_NOTE;
    }

    private static SetflFile tabulate(List<ZhouParameters> ps, SetflGrid grid, String gridNote, String key) {
        List<String> order = ps.stream().map(ZhouParameters::element).toList();
        double[] r = new double[grid.nR()];
        for (int k = 0; k < r.length; k++) {
            r[k] = Math.max(grid.r(k), ZhouFunctions.MIN_DISTANCE_ANGSTROM);
        }
        List<SetflElement> elements = new ArrayList<>(ps.size());
        for (ZhouParameters p : ps) {
            double[] embedding = new double[grid.nRho()];
            for (int i = 0; i < embedding.length; i++) {
                embedding[i] = ZhouFunctions.embedding(p, grid.rho(i));
            }
            double[] density = new double[r.length];
            for (int k = 0; k < r.length; k++) {
                density[k] = ZhouFunctions.density(p, r[k]);
            }
            elements.add(new SetflElement(p.element(), p.atomicNumber(), p.massAmu(), p.latticeParameterAngstrom(),
                    p.groundState().key(), embedding, density));
        }
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            for (int j = 0; j <= i; j++) {
                double[] t = new double[r.length];
                for (int k = 0; k < r.length; k++) {
                    t[k] = r[k] * ZhouFunctions.pair(ps.get(i), ps.get(j), r[k]);
                }
                pairs.add(t);
            }
        }
        List<String> comments = List.of(
                "Zhou-Johnson-Wadley generalized EAM for " + String.join(" ", order) + ", written in double precision"
                        + " by matscreen ZhouEamGenerator (" + FORMAT_VERSION + "). " + ZhouDatabase.citation(order),
                capitalised(CROSS_TERM_NOTE) + ". Tables at max(r, 0.5 A); " + gridNote,
                KEY_PREFIX + key);
        return new SetflFile(comments, grid, elements, pairs);
    }

    private static String contentKey(List<ZhouParameters> ps, SetflGrid grid, String gridNote) {
        StringBuilder sb = new StringBuilder(FORMAT_VERSION).append('\n').append(grid.canonicalText()).append('\n')
                .append(gridNote).append('\n');
        for (ZhouParameters p : ps) {
            sb.append(p.canonicalText()).append('\n');
        }
        return Hashing.sha256Hex(sb.toString());
    }

    /** True if {@code file} exists and its third comment line names {@code key}. */
    private static boolean hasKey(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            in.readLine();
            return (KEY_PREFIX + key).equals(in.readLine());
        } catch (IOException e) {
            // Unreadable or not UTF-8: not a file this generator wrote; it is regenerated and replaced.
            return false;
        }
    }

    /** Writes to a temporary sibling, forces it to disk, then renames it over {@code target} in one step. */
    private static void writeAtomically(Path target, String text) {
        Path dir = target.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            readableByAll(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            // rename(2) replaces an existing target atomically; a racing process writes the same bytes.
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException e) {
            throw new MatscreenException("cannot write the generated potential " + target + ": " + e.getMessage()
                    + " (the cache directory must be writable and support atomic rename)", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a stray temporary file is harmless and never mistaken for a potential
                }
            }
        }
    }

    /** Temporary files are created owner-only; a potential is no secret and other accounts' workers may read it. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its default permissions apply
        }
    }

    private static Collection<String> requireSome(Collection<String> elements, String what) {
        if (elements == null || elements.isEmpty()) {
            throw new InvalidInputException("Zhou 2004 EAM generator", what, "at least one element is needed");
        }
        if (elements.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException("Zhou 2004 EAM generator", what, "an element symbol is missing (null)");
        }
        return elements;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
