package org.matscreen.potential;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.util.Hashing;
import org.matscreen.lammps.deck.CampaignText;

/**
 * Potential files matscreen can use: those shipped by Debian's {@code lammps-data} (in
 * {@code /usr/share/lammps/potentials}), those in the directories of {@value #ENV}, and explicit paths. A name is
 * resolved to exactly one file, which is checksummed (SHA-256) so the record states which bytes were used; LAMMPS'
 * own fallback to {@code $LAMMPS_POTENTIALS} is disabled in workers, so the checksummed file is the file LAMMPS reads.
 */
public final class PotentialRegistry {
    public static final String ENV = "MATSCREEN_POTENTIALS";
    public static final Path DEBIAN_DIR = Path.of("/usr/share/lammps/potentials");

    private final List<Path> dirs;

    public PotentialRegistry(List<Path> dirs) {
        this.dirs = List.copyOf(dirs);
    }

    /** Directories from {@value #ENV} (colon-separated), then Debian's lammps-data folder. */
    public static PotentialRegistry standard() {
        return standard(System.getenv());
    }

    static PotentialRegistry standard(Map<String, String> env) {
        Set<Path> dirs = new LinkedHashSet<>();
        String extra = env.get(ENV);
        if (extra != null) {
            for (String d : extra.split(File.pathSeparator)) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d.strip()));
                }
            }
        }
        dirs.add(DEBIAN_DIR);
        return new PotentialRegistry(new ArrayList<>(dirs));
    }

    public List<Path> directories() {
        return dirs;
    }

    /** The LAMMPS pair style that reads a file, from its name; empty if matscreen does not support it. */
    public static Optional<String> pairStyleOf(String fileName) {
        if (fileName.endsWith(".eam.alloy")) {
            return Optional.of("eam/alloy");
        }
        if (fileName.endsWith(".eam.fs")) {
            return Optional.of("eam/fs");
        }
        return Optional.empty();
    }

    /**
     * Resolves a potential as a campaign names it: a file name looked up in the registry directories, or a path.
     *
     * @throws InvalidInputException naming {@code source}/{@code field} if the name is unsafe, no file matches, the
     *     pair style is unsupported or the file is not a valid setfl file
     */
    public PotentialRef resolve(String nameOrPath, String source, String field) {
        String unsafe = CampaignText.unsafeReason(nameOrPath);
        if (unsafe != null) {
            throw new InvalidInputException(source, field, "potential name " + unsafe);
        }
        Path file;
        if (nameOrPath.contains("/")) {
            file = Path.of(nameOrPath);
            if (!Files.exists(file)) {
                throw new InvalidInputException(source, field, "potential file " + file.toAbsolutePath()
                        + " does not exist");
            }
        } else {
            file = dirs.stream().map(d -> d.resolve(nameOrPath)).filter(Files::exists).findFirst()
                    .orElseThrow(() -> new InvalidInputException(source, field, "no potential named '" + nameOrPath
                            + "' in " + dirs + " (install Debian's lammps-data with scripts/setup.sh, give a path,"
                            + " or use 'zhou2004'; 'matscreen potentials' lists what is available)"));
        }
        requireRegularFile(file, source, field);
        String style = pairStyleOf(file.getFileName().toString()).orElseThrow(() -> new InvalidInputException(source,
                field, "potential " + file.getFileName() + ": only setfl files (*.eam.alloy, *.eam.fs) are supported"));
        SetflHeader h = SetflHeader.read(file, source, field);
        SetflTables.check(file, h, style.equals("eam/fs"), source, field);
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            throw new InvalidInputException(source, field, "cannot resolve " + file + ": " + e.getMessage());
        }
        return new PotentialRef(file.getFileName().toString(), real.toString(), Hashing.sha256Hex(real), style,
                h.elements(), h.citation());
    }

    /** Says what a path is when it is not a potential file (reading a FIFO would block for ever). */
    private static void requireRegularFile(Path file, String source, String field) {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(source, field, "potential " + file.toAbsolutePath() + " is a directory,"
                    + " not a potential file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(source, field, "potential " + file.toAbsolutePath() + " is not a regular"
                    + " file (a FIFO, socket or device); give the potential file itself");
        }
    }

    /** Every supported potential file in the registry directories (first directory wins for a repeated name). */
    public List<PotentialRef> list() {
        List<PotentialRef> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(d)) {
                ds.forEach(files::add);
            } catch (IOException e) {
                continue;
            }
            files.sort(null);
            for (Path f : files) {
                String n = f.getFileName().toString();
                if (pairStyleOf(n).isPresent() && seen.add(n)) {
                    try {
                        out.add(resolve(f.toString(), "registry", n));
                    } catch (InvalidInputException e) {
                        // a malformed file in a shared folder is skipped in listings, reported when named
                    }
                }
            }
        }
        return out;
    }

    /** Checks that a potential covers every element a campaign uses. */
    public static void requireCoverage(PotentialRef p, List<String> elements, String source, String field) {
        List<String> missing = elements.stream().filter(e -> !p.elements().contains(e)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(source, field, "potential " + p.name() + " covers " + p.elements()
                    + " but the campaign uses " + missing + " too");
        }
    }
}
