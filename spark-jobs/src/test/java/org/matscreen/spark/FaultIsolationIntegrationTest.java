package org.matscreen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.campaign.CampaignLoader;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.sim.Status;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.potential.PotentialRegistry;
import org.matscreen.potential.PotentialResolver;
import org.matscreen.core.sim.PotentialSource;
import org.matscreen.potential.SystemMapPotentialSource;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.util.Hashing;
import org.matscreen.lammps.worker.SessionMode;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;

/**
 * Candidates that abort LAMMPS (a potential file of one chemical system truncated after it was validated) and candidates that hang (bcc
 * cells far too large for their time limit) run beside good ones: the job completes, the good candidates are right,
 * the bad ones are recorded with LAMMPS' own message, and no Spark task fails.
 */
@Tag("integration")
@Tag("lammps")
@Tag("spark")
class FaultIsolationIntegrationTest {

    @Test
    void crashesAndHangsAreRecordedAndNothingElseSuffers(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/usr/share/lammps/potentials/CuTa.eam.alloy"));
        // A truncated file named in a campaign is refused before Spark starts, so the campaign is validated with the
        // whole file, which is then cut short and handed to the job under its new checksum: validation bypassed, the
        // way only a bug could, to see that even then a crash stays one candidate's record.
        Path broken = Files.write(dir.resolve("CuTaBroken.eam.alloy"), lines);
        String yaml = """
                name: faults
                space: {compositions: [Cu0.5Ni0.5, Cu0.75Ni0.25, Cu0.5Ta0.5]}
                structure:
                  prototypes: [fcc, bcc]
                  supercell: {fcc: [2, 2, 2], bcc: [22, 22, 22]}
                method:
                  potential: {Cu-Ni: CuNi.eam.alloy, Cu-Ta: BROKEN}
                  properties: {eos: true, elastic: true}
                  timeout_seconds: 6
                screening: {objectives: ["min dh_mix_ev_per_atom"], top: 3}
                """.replace("BROKEN", broken.toString());
        CampaignSpec spec = CampaignLoader.parse(yaml, "faults.yaml");
        CandidateSpace space = CandidateSpace.of(spec.space(), spec.structure().prototypes(), spec.structure().samples(),
                spec.source());
        SystemMapPotentialSource validated = (SystemMapPotentialSource) new PotentialResolver(
                PotentialRegistry.standard(), dir.resolve("cache")).resolve(spec.method(), space.systems(),
                spec.source());
        Files.write(broken, lines.subList(0, 60));
        Map<String, PotentialRef> files = new java.util.TreeMap<>(validated.bySystem());
        PotentialRef cuTa = files.get("Cu-Ta");
        files.put("Cu-Ta", new PotentialRef(cuTa.name(), cuTa.path(), Hashing.sha256Hex(broken), cuTa.pairStyle(),
                cuTa.elements(), cuTa.citation()));
        PotentialSource potentials = new SystemMapPotentialSource(files);

        SparkSession spark = SparkSessionFactory.create("local[2]", Map.of());
        AtomicInteger failedTasks = new AtomicInteger();
        AtomicInteger tasks = new AtomicInteger();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                tasks.incrementAndGet();
                if (end.reason() != Success$.MODULE$) {
                    failedTasks.incrementAndGet();
                }
            }
        });
        RunSummary s;
        try {
            s = ScreeningJob.run(spark, spec, yaml, potentials, new ScreeningJob.Options(dir.resolve("repo").toString(),
                    false, 4, 2, LammpsOptions.local(SessionMode.ISOLATED), null, false, null));
        } finally {
            spark.stop();
        }
        assertEquals(6, s.computed());
        assertEquals(0, failedTasks.get(), "no Spark task may fail because of a candidate");
        assertTrue(tasks.get() > 0);

        List<CandidateResult> records = new ResultReader(new RepositoryLayout(dir.resolve("repo").toString(),
                new Configuration())).readAll();
        assertEquals(6, records.size());
        for (CandidateResult r : records) {
            String what = r.composition().formula() + " " + r.recipe().prototype().key();
            boolean tantalum = r.composition().contains("Ta");
            boolean bcc = r.recipe().prototype().key().equals("bcc");
            if (tantalum) {
                assertEquals(Status.CRASHED, r.status(), what + ": " + r.errorText());
                assertTrue(r.errorText().contains("ERROR"), what + ": " + r.errorText());
                assertTrue(r.errorText().contains("Last command"), what + ": " + r.errorText());
                assertTrue(r.errorText().contains("crashed twice"), what + ": " + r.errorText());
            } else if (bcc) {
                assertEquals(Status.TIMEOUT, r.status(), what + ": " + r.errorText());
                assertTrue(r.errorText().contains("6.0 s"), r.errorText());
            } else {
                assertEquals(Status.OK, r.status(), what + ": " + r.errorText());
                assertTrue(r.relaxation().converged(), what);
            }
        }
        CandidateResult cuni = records.stream().filter(r -> r.composition().formula().equals("Cu0.5Ni0.5")
                && r.status() == Status.OK).findFirst().orElseThrow();
        assertTrue(cuni.metric("dh_mix_ev_per_atom") > 0.01, "Cu-Ni mixes endothermically");
        // the Cu-Ni reference group is intact, so the Cu-Ni enthalpies are known despite the broken Cu-Ta group
        assertTrue(Double.isFinite(cuni.metric("dh_form_ev_per_atom")));
        // two crashes for each Cu-Ta candidate, one kill for each of the two bcc Cu-Ni timeouts (a random alloy cell
        // of 21296 atoms takes minutes with the full protocol; a pure metal would relax at once, so none is used)
        assertEquals(2 * 2 + 2, s.workerRestarts(), "workers lost");
    }
}
