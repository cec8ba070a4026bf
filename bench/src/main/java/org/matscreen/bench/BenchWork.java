package org.matscreen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The work folder bench/run.sh fills, as the report reads it:
 *
 * <pre>
 * machine.facts      date, mode, machine, versions, parameters (run.sh)
 * runs.facts         whole-command walls and exit codes (run.sh)
 * commands.txt       every command run.sh ran, in order
 * repos/NAME/        repositories of the matscreen runs (cross, cross-again, meam, isolated, in-process, efficiency)
 * logs/NAME.out      their standard output
 * cross/, meam/      cells.txt, matscreen.tsv, native-*.tsv, python.tsv, lmp.tsv, lmp/INDEX/, typical.tsv,
 *                    recipe.tsv, protocols/ (see {@link CrossSet})
 * probe/             thread_probe.py's CPU seconds per JVM of matscreen runs
 * protocol.facts, enumeration.facts, jmh.csv, dryrun/gc.log, logs/dryrun.out
 * </pre>
 */
record BenchWork(Path root, Facts machine, Facts runs) {
    static BenchWork open(Path root) {
        return new BenchWork(root, Facts.read(root.resolve("machine.facts")), Facts.read(root.resolve("runs.facts")));
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    Facts facts(String name) {
        return Facts.read(root.resolve(name));
    }

    /** The matscreen run of that name, if it ran. */
    Optional<MatscreenRun> matscreen(String name) {
        return MatscreenRun.load(name, root.resolve("repos").resolve(name), root.resolve("logs").resolve(name + ".out"),
                runs.number(name + ".command_s").orElse(Double.NaN));
    }

    /** Result tables whose file names start with {@code prefix} in {@code cross/}. */
    List<Path> tables(String prefix) {
        return tables(CrossSet.CU_NI, prefix);
    }

    /** Result tables whose file names start with {@code prefix} in the set's folder. */
    List<Path> tables(CrossSet set, String prefix) {
        Path dir = root.resolve(set.folder());
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".tsv"))
                        .sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        return out;
    }

    List<String> commands() {
        try {
            Path f = root.resolve("commands.txt");
            return Files.exists(f) ? Files.readAllLines(f) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read commands.txt", e);
        }
    }
}
