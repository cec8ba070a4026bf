package org.matscreen.repository;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.matscreen.core.result.CandidateResult;

/** Repositories written through the real {@link ChunkWriter}, as a run commits them: batches in candidate order. */
public final class TestRepositories {
    private TestRepositories() {}

    public static RepositoryLayout layout(Path dir) {
        return new RepositoryLayout(dir.toString(), new Configuration());
    }

    /** Writes {@code records} in commits of {@code batch}; returns the layout. */
    public static RepositoryLayout write(Path dir, List<CandidateResult> records, int batch) {
        RepositoryLayout layout = layout(dir);
        ChunkWriter w = new ChunkWriter(layout);
        for (int i = 0; i < records.size(); i += batch) {
            w.commit(records.subList(i, Math.min(records.size(), i + batch)));
        }
        return layout;
    }

    /** The synthetic Co–Cr–Fe–Ni campaign (quarter grid: 2 × 35 = 70 records in 15 systems, one crashed, one timed out), in commits of 20. */
    public static RepositoryLayout quaternary(Path dir) {
        return write(dir, SyntheticRecords.list(List.of("Co", "Cr", "Fe", "Ni"), 4), 20);
    }

    /** Streams {@code SyntheticRecords} into a repository in commits of {@code batch}, holding one batch at a time. */
    public static RepositoryLayout stream(Path dir, List<String> elements, int steps, int batch) {
        RepositoryLayout layout = layout(dir);
        ChunkWriter w = new ChunkWriter(layout);
        List<CandidateResult> pending = new ArrayList<>();
        SyntheticRecords.generate(elements, steps, r -> {
            pending.add(r);
            if (pending.size() == batch) {
                w.commit(pending);
                pending.clear();
            }
        });
        w.commit(pending);
        return layout;
    }
}
