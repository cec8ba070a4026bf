package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.properties.CandidateProperties;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.result.MethodInfo;
import org.matscreen.core.result.Provenance;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PotentialSpec;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.Relaxation;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Status;
import org.matscreen.core.structure.AtomCounts;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.structure.Supercell;
import org.matscreen.core.structure.SupercellBuilder;
import org.matscreen.optimade.access.Tokens;
import org.matscreen.repository.ChunkWriter;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;

/**
 * {@code matscreen serve} started as its own JVM on the CLI's classpath (Spark's jars and all), answering on a
 * loopback port, and {@code matscreen pull} copying from it: the check that Jetty 12 and Spark 4.2 live together.
 */
@Tag("integration")
class ServePullCommandIntegrationTest {
    @TempDir
    Path dir;

    static CandidateResult record(String id, String formula, long index, Visibility v) {
        Composition c = Composition.parse(formula).normalized();
        StructureRecipe recipe = StructureRecipe.random(Prototype.FCC, new Supercell(2, 2, 2), 0);
        PotentialRef pot = new PotentialRef("CuNi.eam.alloy", "/usr/share/lammps/potentials/CuNi.eam.alloy",
                "9f".repeat(32), "eam/alloy", List.of("Ni", "Cu"), "Onat and Durukanoglu (2014)");
        CandidateProperties p = CandidateProperties.builder()
                .put("energy_per_atom_ev", -3.9)
                .put("volume_per_atom_a3", 11.5)
                .put("lattice_a_angstrom", 3.6)
                .put("lattice_b_angstrom", 3.6)
                .put("lattice_c_angstrom", 3.6)
                .put("lattice_parameter_angstrom", 3.6)
                .put("dh_mix_ev_per_atom", 0.01)
                .put("dh_form_ev_per_atom", 0.01)
                .put("density_g_per_cm3", 8.9)
                .put("bulk_modulus_gpa", 160)
                .put("bulk_modulus_prime", 4.8)
                .put("eos_rms_residual_ev_per_atom", 1e-6)
                .put("c11_gpa", 200)
                .put("c12_gpa", 130)
                .put("c44_gpa", 90)
                .put("elastic_symmetry_deviation_gpa", 0.5)
                .put("shear_modulus_gpa", 60)
                .put("pugh_ratio", 2.6)
                .build();
        return new CandidateResult(id, "cuni", index, c, AtomCounts.of(c, recipe.sites()).composition(), recipe,
                3.6, Status.OK, "", SupercellBuilder.build(c, recipe, 3.6, index).structure(), p,
                new Relaxation(true, 1, 100, "force tolerance", 0, 1e-7, 0.01), null, null, null, Map.of("vec", 10.5),
                null, new MethodInfo("lammps", PotentialSpec.of(pot), RelaxSettings.DEFAULT, PropertySettings.DEFAULT),
                pot, new Provenance("0.1.0", "abc", "LAMMPS 29 Sep 2021", "host", 1_760_000_000_000L,
                        1_760_000_001_000L, 1, 1, Provenance.COMPUTED), v);
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void serveFromTheCliClasspathThenPullFromIt() throws Exception {
        Path repo = dir.resolve("repo");
        ChunkWriter w = new ChunkWriter(new RepositoryLayout(repo.toString(), new Configuration()));
        w.commit(List.of(record("a", "Cu", 0, Visibility.PUBLIC), record("b", "Cu0.5Ni0.5", 1, Visibility.PUBLIC),
                record("c", "Ni", 2, new Visibility(Visibility.Level.CONSORTIUM, null, "lab"))));
        String token = Tokens.newToken();
        Path cfg = Files.writeString(dir.resolve("server.yaml"), "groups:\n  lab:\n    members: {alice: \""
                + Tokens.digest(token) + "\"}\n");
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                repo.toString(), "--port", String.valueOf(port), "--config", cfg.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("serving 3 records (2 public)"), String.valueOf(line));
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> info = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/info")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, info.statusCode());
            assertTrue(info.body().contains("\"api_version\":\"1.3.0\""), info.body());

            Path pulled = dir.resolve("pulled");
            CliTest.Result anonymous = CliTest.exec("pull", base, "--out", pulled.toString());
            assertEquals(ExitCodes.OK, anonymous.code(), anonymous.err());
            assertTrue(anonymous.out().startsWith("pulled 2 new records"), anonymous.out());
            CliTest.Result member = CliTest.exec("pull", base, "--out", pulled.toString(), "--token", token);
            assertEquals(ExitCodes.OK, member.code(), member.err());
            assertTrue(member.out().startsWith("pulled 1 new records (3 in 1 pages"), member.out());
            assertEquals(3, new ResultReader(new RepositoryLayout(pulled.toString(), new Configuration())).readAll()
                    .size());
            CliTest.Result wrong = CliTest.exec("pull", base, "--out", dir.resolve("x").toString(), "--token",
                    "msk_wrong");
            assertEquals(ExitCodes.INVALID_INPUT, wrong.code());
            assertTrue(wrong.err().contains("refused the token (401)"), wrong.err());
        } finally {
            p.destroy();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "serve stops on SIGTERM");
        }
    }
}
