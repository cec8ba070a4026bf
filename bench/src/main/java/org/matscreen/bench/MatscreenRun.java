package org.matscreen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.matscreen.core.sim.Status;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;

/**
 * One {@code matscreen run} as the report sees it: the last run of its repository's manifest (screening-stage wall,
 * Σ native seconds, cores), the reference-stage time from the printed summary line, the whole command's wall as
 * run.sh timed it, and the per-candidate records' wall minus native time.
 *
 * @param wallSeconds screening-stage wall (after references), s
 * @param nativeSeconds Σ seconds inside LAMMPS over the run's candidates
 * @param referenceSeconds pure-element reference stage, s (NaN if not printed)
 * @param commandSeconds the whole command, JVM and Spark start-up included, s (NaN if not timed)
 * @param recordOverheadSeconds per candidate: record wall − native (cell, protocol, analysis inside the executor)
 * @param firstRecordSeconds from the driver JVM's start to the run's first committed record (manifest), s; NaN when
 *     the manifest does not say
 */
record MatscreenRun(String name, long computed, long failures, int cores, double wallSeconds, double nativeSeconds,
        double referenceSeconds, double commandSeconds, double[] recordOverheadSeconds, double firstRecordSeconds) {

    private static final Pattern REFERENCES = Pattern.compile("\\(\\+([0-9.]+) s references\\)");

    double candidatesPerSecond() {
        return computed / wallSeconds;
    }

    /** Σ native ÷ (wall × cores), as matscreen's summary defines it. */
    double efficiency() {
        return nativeSeconds / (wallSeconds * cores);
    }

    /** Core time per candidate not spent in LAMMPS: (wall × cores − Σ native) ÷ candidates, s. */
    double engineOverheadPerCandidate() {
        return (wallSeconds * cores - nativeSeconds) / computed;
    }

    /**
     * @param repo the run's repository folder
     * @param output the command's standard output (for the reference time), may not exist
     * @param commandSeconds whole-command wall from run.sh, NaN if unknown
     */
    static Optional<MatscreenRun> load(String name, Path repo, Path output, double commandSeconds) {
        Path manifest = repo.resolve("manifest.json");
        if (!Files.exists(manifest)) {
            return Optional.empty();
        }
        try {
            JsonNode m = new ObjectMapper().readTree(manifest.toFile());
            JsonNode runs = m.get("runs");
            JsonNode last = runs.get(runs.size() - 1);
            long failures = 0;
            for (var e : last.get("statusCounts").properties()) {
                if (!e.getKey().equals(Status.OK.key())) {
                    failures += e.getValue().asLong();
                }
            }
            double refs = Double.NaN;
            if (Files.exists(output)) {
                Matcher mt = REFERENCES.matcher(Files.readString(output));
                while (mt.find()) {
                    refs = Double.parseDouble(mt.group(1));
                }
            }
            List<Double> overhead = new ArrayList<>();
            new ResultReader(new RepositoryLayout(repo.toAbsolutePath().toString(), new Configuration())).forEach(r -> {
                if (r.status() == Status.OK) {
                    overhead.add(r.provenance().wallSeconds() - r.provenance().nativeSeconds());
                }
            });
            double first = last.has("firstRecordSeconds") ? last.get("firstRecordSeconds").asDouble(-1) : -1;
            return Optional.of(new MatscreenRun(name, last.get("computed").asLong(), failures,
                    last.get("cores").asInt(), last.get("wallSeconds").asDouble(),
                    last.get("nativeSeconds").asDouble(), refs, commandSeconds,
                    overhead.stream().mapToDouble(Double::doubleValue).toArray(), first < 0 ? Double.NaN : first));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
    }
}
