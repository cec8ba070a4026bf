package org.matscreen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.campaign.CampaignLoader;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.sim.CodeOptions;
import org.matscreen.potential.FilePotentialSource;
import org.matscreen.potential.PotentialRegistry;
import org.matscreen.repository.JsonFiles;
import org.matscreen.repository.ReferenceStore;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;

/** Two campaigns asking for overlapping calculations: the second reuses the first one's records. */
@Tag("integration")
@Tag("spark")
@Tag("lammps")
class ResultCacheIntegrationTest {

    @Test
    void identicalCalculationsAreNeverRepeated(@TempDir Path dir) {
        String a = """
                name: cache-a
                space: {elements: [Cu, Ni], orders: [2], step: 0.25}
                structure: {prototypes: [fcc], supercell: [2, 2, 2]}
                method: {potential: CuNi.eam.alloy, properties: {eos: true, elastic: false}}
                """;
        // b asks for a finer grid: 0.25, 0.5 and 0.75 are shared with a, the other four are new
        String b = a.replace("cache-a", "cache-b").replace("step: 0.25", "step: 0.125");
        String cache = dir.resolve("cache").toString();
        var potentials = new FilePotentialSource(PotentialRegistry.standard().resolve("CuNi.eam.alloy", "c",
                "method.potential"));
        CodeOptions lammps = LammpsOptions.local();
        SparkSession spark = SparkSessionFactory.create("local[2]", Map.of());
        try {
            CampaignSpec sa = CampaignLoader.parse(a, "a.yaml");
            CampaignSpec sb = CampaignLoader.parse(b, "b.yaml");
            ScreeningJob.run(spark, sa, a, potentials, new ScreeningJob.Options(dir.resolve("a").toString(), false,
                    2, 5, lammps, cache, false, null));
            // The pure-element references went into the cache too. Mark its copy (Cu 0.1 eV/atom higher in every
            // prototype) to see that b takes them from there instead of computing them again.
            RepositoryLayout cacheLayout = new RepositoryLayout(cache, new Configuration());
            ReferenceStore.Entries computed = JsonFiles.read(cacheLayout, cacheLayout.references(),
                    ReferenceStore.Entries.class).orElseThrow();
            assertEquals(1, computed.sets().size());
            ReferenceStore.Set set = computed.sets().get(0);
            JsonFiles.write(cacheLayout, cacheLayout.references(), new ReferenceStore.Entries(List.of(
                    new ReferenceStore.Set(set.potentialSha256(), set.settingsKey(), set.entries().stream()
                            .map(e -> e.element().equals("Cu") ? new ReferenceStore.Entry(e.element(), e.prototype(),
                                    e.energyPerAtomEv() + 0.1, e.volumePerAtomA3(), e.elastic()) : e).toList()))));
            RunSummary second = ScreeningJob.run(spark, sb, b, potentials, new ScreeningJob.Options(
                    dir.resolve("b").toString(), false, 2, 5, lammps, cache, false, null));
            assertEquals(7, second.computed());
            // Every partition looked the Cu-Ni ids up, but this JVM read each cache chunk's ids once: the index grows
            // by the chunks committed since its last look instead of rereading them all for every partition.
            long cacheChunks = cacheLayout.chunks(cacheLayout.systemDir("Cu-Ni")).size();
            assertTrue(cacheChunks >= 4, "a and b committed chunks of their own to the cache: " + cacheChunks);
            int reads = ResultCache.index(cache, "Cu-Ni").chunkReads();
            assertTrue(reads >= 1 && reads <= cacheChunks, reads + " chunk reads for " + cacheChunks + " chunks");
            double cuA = fccEnergy(dir.resolve("a").toString(), "Cu");
            assertEquals(cuA + 0.1, fccEnergy(dir.resolve("b").toString(), "Cu"), 1e-12,
                    "b's references came from the cache and are documented in b's own references.json");
            assertEquals(fccEnergy(dir.resolve("a").toString(), "Ni"), fccEnergy(dir.resolve("b").toString(), "Ni"),
                    1e-12);
            List<CandidateResult> ra = new ResultReader(new RepositoryLayout(dir.resolve("a").toString(),
                    new Configuration())).readAll();
            List<CandidateResult> rb = new ResultReader(new RepositoryLayout(dir.resolve("b").toString(),
                    new Configuration())).readAll();
            rb.sort(Comparator.comparingLong(CandidateResult::candidateIndex));
            long reused = rb.stream().filter(r -> r.provenance().origin().equals("cache:cache-a")).count();
            assertEquals(3, reused);
            for (CandidateResult r : rb) {
                assertEquals("cache-b", r.campaign());
                ra.stream().filter(x -> x.id().equals(r.id())).findFirst().ifPresent(x -> {
                    assertEquals(x.properties(), r.properties(), "a reused record carries the same numbers");
                    assertEquals(x.provenance().finishedAtEpochMs(), r.provenance().finishedAtEpochMs());
                });
            }
            assertTrue(rb.stream().filter(r -> r.provenance().origin().equals("computed")).count() == 4);
            // the run's native time is what its own 4 simulations spent, not the reused records' original time
            double simulated = rb.stream().filter(r -> r.provenance().origin().equals("computed"))
                    .mapToDouble(r -> r.provenance().nativeSeconds()).sum();
            assertEquals(simulated, second.nativeSeconds(), 1e-9);
        } finally {
            spark.stop();
        }
    }

    /** The fcc reference energy of an element in a repository's references.json, eV/atom. */
    private static double fccEnergy(String repository, String element) {
        RepositoryLayout layout = new RepositoryLayout(repository, new Configuration());
        return JsonFiles.read(layout, layout.references(), ReferenceStore.Entries.class).orElseThrow().sets().get(0)
                .entries().stream().filter(e -> e.element().equals(element) && e.prototype().equals("fcc"))
                .findFirst().orElseThrow().energyPerAtomEv();
    }
}
