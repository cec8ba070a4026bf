package org.matscreen.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.sim.Status;
import org.matscreen.repository.ChunkWriter;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;

/**
 * The content-addressed result cache shared by campaigns: a repository (same layout, any Hadoop file system) into
 * which every run also commits its successful records. Candidate ids are hashes of composition, structure recipe,
 * method and potential key, so an id found here is the identical calculation, and a campaign that asks for it again
 * reuses the record (relabelled with its own campaign, index and visibility, origin {@code cache:<campaign>}).
 *
 * <p>Executors look up one chemical system at a time, reading only the id column of that system's cache chunks; a
 * chunk's rows are read only when one of its ids is wanted.
 */
final class ResultCache {
    private final RepositoryLayout layout;
    private final ResultReader reader;
    private final ChunkWriter writer;
    private final Map<String, Map<String, String>> idsBySystem = new HashMap<>(); // system → id → chunk path
    private final Map<String, Map<String, CandidateResult>> chunkRows = new HashMap<>();

    ResultCache(String uri) {
        this.layout = new RepositoryLayout(uri, RepositoryLayout.sharedConfiguration());
        this.reader = new ResultReader(layout);
        this.writer = new ChunkWriter(layout);
    }

    /** The cached record of this id in this system, relabelled for the asking campaign. */
    Optional<CandidateResult> find(String system, String id, String campaign, long index, Visibility visibility) {
        String chunk = idsBySystem.computeIfAbsent(system, reader::idsInSystem).get(id);
        if (chunk == null) {
            return Optional.empty();
        }
        Map<String, CandidateResult> rows = chunkRows.computeIfAbsent(chunk, c -> {
            Map<String, CandidateResult> m = new HashMap<>();
            reader.forEach(new org.apache.hadoop.fs.Path(c), r -> m.put(r.id(), r));
            return m;
        });
        CandidateResult r = rows.get(id);
        if (r == null) {
            return Optional.empty();
        }
        return Optional.of(new CandidateResult(r.id(), campaign, index, r.composition(), r.cellComposition(),
                r.recipe(), r.startingLatticeParameterAngstrom(), r.status(), r.errorText(), r.relaxed(),
                r.properties(), r.relaxation(), r.eosVolumesA3PerAtom(), r.eosEnergiesEvPerAtom(), r.elastic(),
                r.descriptors(), r.warrenCowley(), r.method(), r.potentialFile(),
                r.provenance().withOrigin(r.provenance().origin().equals("computed") ? "cache:" + r.campaign()
                        : r.provenance().origin()), visibility, r.configurationId()));
    }

    /** Adds freshly computed successful records (reused ones are already there). */
    void add(List<CandidateResult> records) {
        List<CandidateResult> fresh = new ArrayList<>();
        for (CandidateResult r : records) {
            if (r.status() == Status.OK && r.provenance().origin().equals("computed")) {
                fresh.add(r);
            }
        }
        writer.commit(fresh);
    }
}
