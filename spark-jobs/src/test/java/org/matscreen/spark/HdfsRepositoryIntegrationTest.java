package org.matscreen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.campaign.CampaignLoader;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.sim.Status;
import org.matscreen.potential.FilePotentialSource;
import org.matscreen.potential.PotentialRegistry;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;

/**
 * A campaign's repository and the result cache on a real HDFS (three datanodes, replication 2), one datanode lost in
 * the middle of the writes: the campaign completes and every record is readable.
 */
@Tag("integration")
@Tag("hdfs")
@Tag("spark")
@Tag("lammps")
class HdfsRepositoryIntegrationTest {
    @TempDir
    static Path base;
    static MiniDFSCluster hdfs;

    @BeforeAll
    static void startHdfs() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("hdfs").toString());
        conf.setInt("dfs.replication", 2);
        // A lost datanode must be noticed within the test, and a pipeline must replace it rather than give up.
        conf.setInt("dfs.heartbeat.interval", 1);
        conf.setInt("dfs.namenode.heartbeat.recheck-interval", 1000);
        conf.set("dfs.client.block.write.replace-datanode-on-failure.policy", "DEFAULT");
        hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(3).build();
        hdfs.waitActive();
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.shutdown(true);
        }
    }

    @Test
    void campaignOnHdfsSurvivesTheLossOfADatanode() throws Exception {
        String uri = hdfs.getURI().toString();
        String yaml = """
                name: cuni-hdfs
                space: {elements: [Cu, Ni], orders: [1, 2], step: 0.1}
                structure: {prototypes: [fcc], supercell: [5, 2, 1]}
                method: {potential: CuNi.eam.alloy, properties: {eos: false, elastic: false}}
                """;
        CampaignSpec spec = CampaignLoader.parse(yaml, "cuni-hdfs.yaml");
        var potentials = new FilePotentialSource(PotentialRegistry.standard().resolve("CuNi.eam.alloy",
                "cuni-hdfs.yaml", "method.potential"));
        SparkSession spark = SparkSessionFactory.create("local[2]", Map.of());
        try {
            String repo = uri + "/matscreen/results/cuni-hdfs";
            String cache = uri + "/matscreen/cache";
            CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(() -> ScreeningJob.run(spark, spec,
                    yaml, potentials, new ScreeningJob.Options(repo, false, 11, 1,
                            LammpsOptions.local(), cache, false, null)));
            RepositoryLayout layout = new RepositoryLayout(repo, hdfs.getConfiguration(0));
            // once the first records are committed, one of the three datanodes goes away
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (layout.chunks().isEmpty() && System.nanoTime() < deadline && !run.isDone()) {
                Thread.sleep(100);
            }
            MiniDFSCluster.DataNodeProperties lost = hdfs.stopDataNode(0);
            assertTrue(lost != null);
            RunSummary s = run.get(5, TimeUnit.MINUTES);
            assertEquals(11, s.candidates());
            assertEquals(Map.of("ok", 11L), s.statusCounts());

            List<CandidateResult> records = new ResultReader(layout).readAll();
            assertEquals(11, records.size());
            assertEquals(11, new HashSet<>(records.stream().map(CandidateResult::id).toList()).size());
            assertTrue(records.stream().allMatch(r -> r.status() == Status.OK));
            assertTrue(layout.chunks().stream().allMatch(c -> c.path().toUri().getScheme().equals("hdfs")));
            RepositoryLayout cacheLayout = new RepositoryLayout(cache, hdfs.getConfiguration(0));
            assertEquals(11, new ResultReader(cacheLayout).readAll().size(), "the cache on HDFS holds every record");
            assertTrue(new File(base.toFile(), "hdfs").isDirectory());
        } finally {
            spark.stop();
        }
    }
}
