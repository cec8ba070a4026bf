package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.sim.Status;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;
import org.matscreen.repository.report.ReportFixtures;

/**
 * The Python route (issue 18, item 12): {@code python/examples/explore_repository.ipynb} executed with nbclient on
 * the HDF5 export of a repository, with Debian's h5py, pandas, ASE and pymatgen. What the notebook's ASE and
 * pymatgen objects say about every computed record (composition, cell volume, total energy, first site) is compared
 * with the records as matscreen reads them; ASE and pymatgen also check each other (shortest distance). The
 * repository folder itself is read through Parquet where pyarrow exists, and refused with the way out where not.
 *
 * <p>The interpreter is {@code $MATSCREEN_PYTHON}, else Debian's {@code /usr/bin/python3}. Without the packages the
 * test is skipped, and fails under {@code CI=true}.
 */
@Tag("integration")
@Tag("python")
class PythonRouteIntegrationTest {
    static final String PACKAGES = "python3-h5py python3-pandas python3-ase python3-pymatgen python3-nbclient"
            + " python3-ipykernel";

    @TempDir
    static Path dir;
    static String python;
    static Path checkout;
    static Path repo;
    static Path export;
    static Map<String, CandidateResult> records;

    @BeforeAll
    static void exportRepository() {
        python = System.getenv().getOrDefault("MATSCREEN_PYTHON", Files.isExecutable(Path.of("/usr/bin/python3"))
                ? "/usr/bin/python3" : "python3");
        Processes.Result probe = Processes.run(List.of(python, "-c", "import h5py, pandas, ase, pymatgen.core,"
                + " nbclient, nbformat, ipykernel"), Map.of(), dir, 120);
        if (probe.code() != 0) {
            String message = python + " lacks a package of the Python route (" + probe.output().strip()
                    + "); apt-get install " + PACKAGES + " (scripts/setup.sh --test does)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        checkout = TestDistribution.findCheckout();
        repo = dir.resolve("repo");
        RepositoryLayout layout = ReportFixtures.repository(repo);
        CliTest.Result r = CliTest.exec("export", repo.toString(), "--format", "hdf5", "--out",
                dir.resolve("h5").toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        export = dir.resolve("h5").resolve("synthetic-hea.h5");
        records = new ResultReader(layout).readAll().stream().collect(Collectors.toMap(CandidateResult::id, c -> c));
    }

    @Test
    void theNotebookRunsAndAseAndPymatgenSeeTheRecordsMatscreenHolds() throws IOException {
        Path summary = dir.resolve("summary.json");
        Processes.Result run = Processes.run(List.of(python, checkout.resolve("python/run_notebook.py").toString(),
                checkout.resolve("python/examples/explore_repository.ipynb").toString(), "--output",
                dir.resolve("executed.ipynb").toString()), Map.of("MATSCREEN_EXPORT", export.toString(),
                "MATSCREEN_SUMMARY", summary.toString()), dir, 600);
        assertEquals(0, run.code(), run.output());
        JsonNode s = new ObjectMapper().readTree(summary.toFile());
        long computed = records.values().stream().filter(c -> c.status() == Status.OK).count();
        assertEquals(records.size(), s.path("records").asInt());
        assertEquals(computed, s.path("computed").asInt());
        assertEquals(computed, s.path("checks").size());
        for (JsonNode c : s.path("checks")) {
            CandidateResult r = records.get(c.path("id").asText());
            assertTrue(r != null, c.toString());
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i < r.relaxed().siteCount(); i++) {
                counts.merge(r.relaxed().speciesAt(i), 1, Integer::sum);
            }
            assertEquals(counts, new ObjectMapper().convertValue(c.path("ase_counts"), Map.class), r.id());
            assertEquals(counts, new ObjectMapper().convertValue(c.path("pymatgen_counts"), Map.class), r.id());
            double volume = r.relaxed().lattice().volume();
            assertEquals(volume, c.path("volume_ase").asDouble(), 1e-10 * volume, r.id());
            assertEquals(volume, c.path("volume_pymatgen").asDouble(), 1e-10 * volume, r.id());
            double energy = r.properties().energyPerAtomEv() * r.relaxed().siteCount();
            assertEquals(energy, c.path("energy_ase").asDouble(), 1e-12 * Math.abs(energy), r.id());
            double[] f = r.relaxed().fractionalCoordinates();
            for (int k = 0; k < 3; k++) {
                assertEquals(f[k], c.path("first_fractional_ase").get(k).asDouble(), 1e-12, r.id());
                assertEquals(f[k], c.path("first_fractional_pymatgen").get(k).asDouble(), 1e-12, r.id());
            }
            assertEquals(c.path("min_distance_ase").asDouble(), c.path("min_distance_pymatgen").asDouble(), 1e-9,
                    "ASE and pymatgen agree on the shortest distance of " + r.id());
            assertTrue(c.path("min_distance_ase").asDouble() > 1.5, "a physical crystal: " + c);
        }
        assertTrue(s.path("citations").toString().contains(records.values().iterator().next().potentialFile()
                .citation()), s.path("citations").toString());
    }

    @Test
    void theRepositoryFolderIsReadThroughParquetOrRefusedWithTheWayOut() {
        String script = """
                import json, sys
                import numpy as np
                import matscreen_py as ms
                h5 = ms.load(sys.argv[2]).set_index("id").sort_index()
                try:
                    pq = ms.load(sys.argv[1]).set_index("id").sort_index()
                except ImportError as e:
                    print(json.dumps({"pyarrow": False, "message": str(e)}))
                    sys.exit(0)
                import pandas as pd
                def equal(x, y):
                    if isinstance(x, (np.ndarray, list)) or isinstance(y, (np.ndarray, list)):
                        if x is None or y is None:
                            return x is None and y is None
                        return np.array_equal(np.asarray(x), np.asarray(y), equal_nan=np.asarray(x).dtype.kind == "f")
                    if x is None or y is None or pd.isna(x) or pd.isna(y):
                        return (x is None or pd.isna(x)) and (y is None or pd.isna(y))
                    return bool(x == y)
                diff = [] if list(pq.index) == list(h5.index) else ["ids"]
                diff += sorted(set(pq.columns) ^ set(h5.columns))
                diff += [c + ": " + str(pq[c].dtype) + " vs " + str(h5[c].dtype) for c in h5.columns
                         if c in pq and str(pq[c].dtype) != str(h5[c].dtype)]
                diff += [c for c in h5.columns if c in pq and not all(equal(pq.at[i, c], h5.at[i, c])
                                                                      for i in h5.index)]
                print(json.dumps({"pyarrow": True, "same": not diff, "diff": diff, "rows": len(pq)}))
                """;
        Processes.Result r = Processes.run(List.of(python, "-c", script, repo.toString(), export.toString()),
                Map.of("PYTHONPATH", checkout.resolve("python").toString()), dir, 300);
        assertEquals(0, r.code(), r.output());
        String json = r.output().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow();
        JsonNode n;
        try {
            n = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError(r.output(), e);
        }
        if (n.path("pyarrow").asBoolean()) {
            assertTrue(n.path("same").asBoolean(), "Parquet and HDF5 give the same DataFrame: " + n.path("diff"));
            assertEquals(records.size(), n.path("rows").asInt());
        } else {
            String message = n.path("message").asText();
            assertTrue(message.contains("needs pyarrow") && message.contains("matscreen export REPO --format hdf5"),
                    message);
        }
    }
}
