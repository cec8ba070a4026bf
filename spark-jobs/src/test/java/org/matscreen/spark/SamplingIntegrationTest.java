package org.matscreen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.campaign.CampaignLoader;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.result.AggregateAxis;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.screening.SampleStatistics;
import org.matscreen.core.sim.CodeOptions;
import org.matscreen.potential.FilePotentialSource;
import org.matscreen.potential.PotentialRegistry;
import org.matscreen.repository.AggregateStore;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;
import org.matscreen.repository.schema.RecordRow;

/**
 * Acceptance (e) of issue 13: 64 independent random orderings of Cu0.5Ni0.5 (32-atom cells, whose mixing enthalpy
 * scatters by a few meV/atom), aggregated per composition. The standard error of ΔH_mix over N samples shrinks
 * roughly as 1/√N: averaged over the disjoint blocks of N samples, it halves from N = 4 to N = 16 (a single block's
 * estimate is too noisy for a test that cannot fail by chance); the aggregates table holds the statistics of all 64
 * exactly; the ranking reads it; every random cell records its Warren–Cowley short-range order; a rerun resumes
 * without recomputing.
 */
@Tag("integration")
@Tag("lammps")
@Tag("spark")
class SamplingIntegrationTest {
    static final int SAMPLES = 64;
    static final String YAML = """
            name: cuni-samples
            space: {compositions: [Cu0.5Ni0.5]}
            structure: {prototypes: [fcc], supercell: [2, 2, 2], samples: 64}
            method: {potential: CuNi.eam.alloy, relax: {mode: shape-fixed}, properties: {eos: false, elastic: false}}
            screening: {objectives: ["min dh_mix_ev_per_atom"], top: 3}
            """;

    @Test
    void theStandardErrorShrinksAsOneOverRootN(@TempDir Path dir) {
        SparkSession spark = SparkSessionFactory.create("local[2]", Map.of());
        try {
            CampaignSpec spec = CampaignLoader.parse(YAML, "cuni-samples.yaml");
            var potential = new FilePotentialSource(PotentialRegistry.standard().resolve("CuNi.eam.alloy",
                    "cuni-samples.yaml", "method.potential"));
            String repo = dir.resolve("repo").toString();
            CodeOptions lammps = LammpsOptions.local();
            RunSummary s = ScreeningJob.run(spark, spec, YAML, potential,
                    ScreeningJob.Options.simple(repo, false, 4, 8, lammps));
            assertEquals(SAMPLES, s.computed());
            assertTrue(s.aggregated(), "a sampled campaign ranks aggregates");
            assertEquals(1, s.top().size());
            assertEquals(SAMPLES, s.top().get(0).entry().samples());

            RepositoryLayout layout = new RepositoryLayout(repo, new Configuration());
            List<CandidateResult> records = new ResultReader(layout).readAll();
            records.sort(Comparator.comparingInt(r -> r.recipe().sample()));
            assertEquals(SAMPLES, records.size());
            assertEquals(SAMPLES, new HashSet<>(records.stream().map(CandidateResult::id).toList()).size(),
                    "one id per sample");
            assertEquals(1, new HashSet<>(records.stream().map(CandidateResult::groupId).toList()).size(),
                    "one configuration group");
            assertEquals(records.get(0).id(), records.get(0).groupId(), "sample 0's id names the group");
            for (CandidateResult r : records) {
                assertNotNull(r.warrenCowley(), "random cells record their short-range order");
            }

            // the standard error of the mean over disjoint blocks of N samples, averaged over the blocks
            double[] dh = records.stream().mapToDouble(r -> r.metric("dh_mix_ev_per_atom")).toArray();
            StringBuilder table = new StringBuilder("N   blocks  mean sem (meV/atom)  mean sem·√N\n");
            double[] meanSem = new double[SAMPLES + 1];
            for (int n : new int[] {4, 8, 16, 32}) {
                double sum = 0;
                for (int b = 0; b < SAMPLES / n; b++) {
                    SampleStatistics block = SampleStatistics.of(java.util.Arrays.copyOfRange(dh, b * n, b * n + n));
                    sum += block.sem();
                }
                meanSem[n] = sum / (SAMPLES / n);
                table.append(String.format(Locale.ROOT, "%-3d %6d %12.3f %16.3f%n", n, SAMPLES / n, 1e3 * meanSem[n],
                        1e3 * meanSem[n] * Math.sqrt(n)));
            }
            SampleStatistics stats = SampleStatistics.of(dh);
            table.append(String.format(Locale.ROOT, "all %d: mean %.3f meV/atom, std %.3f, sem %.3f%n", SAMPLES,
                    1e3 * stats.mean(), 1e3 * stats.std(), 1e3 * stats.sem()));
            System.out.print(table);
            assertTrue(stats.std() > 1e-4, "the orderings scatter: " + table);
            // 1/√N predicts a ratio of 2 from N = 4 to N = 16, 1.87 once the small-sample bias of the standard
            // deviation is counted (c4 = 0.921 for 4 values, 0.983 for 16); the band holds the averages' own noise.
            double ratio = meanSem[4] / meanSem[16];
            assertTrue(ratio > 1.4 && ratio < 2.6, "sem(4)/sem(16) = " + ratio + "\n" + table);
            assertTrue(meanSem[8] > meanSem[16] && meanSem[16] > meanSem[32], table.toString());

            List<RecordRow> aggregates = new AggregateStore(layout, AggregateAxis.CONFIGURATIONS).readAll();
            assertEquals(1, aggregates.size());
            double[] row = AggregateStore.statistics(aggregates.get(0), "dh_mix_ev_per_atom");
            assertEquals(stats.mean(), row[0], 1e-15);
            assertEquals(stats.std(), row[1], 1e-12);
            assertEquals(stats.sem(), row[2], 1e-12);
            assertEquals(SAMPLES, row[3]);
            assertEquals(stats.mean(), s.top().get(0).entry().metrics()[0], 1e-15, "the ranking reads the mean");
            assertEquals(stats.sem(), s.top().get(0).entry().metricErrors()[0], 1e-12);

            RunSummary again = ScreeningJob.run(spark, spec, YAML, potential,
                    ScreeningJob.Options.simple(repo, false, 4, 8, lammps));
            assertEquals(0, again.computed());
            assertEquals(SAMPLES, again.skipped());
            assertEquals(SAMPLES, again.top().get(0).entry().samples(), "the resumed ranking aggregates all");
        } finally {
            spark.stop();
        }
    }
}
