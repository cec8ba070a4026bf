package org.matscreen.repository.export;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Reads structure files back with ASE ({@code ase.io.read}), a third-party reader, through a Python interpreter in
 * a child process, and returns what ASE understood as plain Java values.
 *
 * <p>The interpreter is {@code $MATSCREEN_PYTHON} if set, else Debian's {@code /usr/bin/python3} (where the
 * {@code python3-ase} package installs ASE; a {@code python3} found first on PATH, e.g. pyenv's, does not see it),
 * else {@code python3} on PATH. Without ASE the tests are skipped on a developer machine and fail under
 * {@code CI=true}, where everything is installed and a skip would hide a missing install step (style practice 15).
 */
final class AseReader {
    /** Debian packages that provide the reader. */
    static final String PACKAGES = "python3-ase";

    private static final long TIMEOUT_SECONDS = 120;

    /**
     * Reads argv[1] in ASE format argv[2] and prints the cell (rows, Å), the symbols per site, the fractional
     * positions (unwrapped) and the info dictionary as JSON. CIF tags are kept in info ({@code store_tags}) so that
     * matscreen's own tags can be checked too.
     */
    private static final String SCRIPT = """
            import json, sys
            import ase.io
            import ase.units
            path, fmt = sys.argv[1], sys.argv[2]
            kwargs = {'store_tags': True} if fmt == 'cif' else {}
            atoms = ase.io.read(path, format=fmt, **kwargs)
            def plain(o):
                if hasattr(o, 'tolist'):
                    return o.tolist()
                return str(o)
            print(json.dumps({
                'cell': atoms.cell[:].tolist(),
                'symbols': atoms.get_chemical_symbols(),
                'scaled': atoms.get_scaled_positions(wrap=False).tolist(),
                'pbc': atoms.pbc.tolist(),
                'info': atoms.info,
                # what a training-set loader asks for; no calculator when the file holds no energy
                'energy': None if atoms.calc is None else atoms.get_potential_energy(),
                # ASE's stress (Voigt, eV/A^3, positive in tension) in GPa through ASE's own unit
                'stress_gpa': None if atoms.calc is None or 'stress' not in atoms.calc.results
                    else (atoms.get_stress(voigt=True) / ase.units.GPa).tolist(),
                'ase_version': ase.__version__,
            }, default=plain))
            """;

    private final String python;
    private final ObjectMapper json = new ObjectMapper();

    private AseReader(String python) {
        this.python = python;
    }

    /**
     * What ASE read: cell rows in Å, symbols and fractional positions per site, periodicity, info, and the total
     * energy {@code atoms.get_potential_energy()} returns (eV; null when the file gives ASE none).
     */
    record Read(double[][] cell, List<String> symbols, double[][] scaled, boolean[] pbc, JsonNode info,
            String aseVersion, Double energyEv, double[] stressGpa) {}

    /** Interpreter and probe result, found once per test JVM: null problem means ASE imports. */
    private static final class Probe {
        static final String PYTHON = interpreter();
        static final String PROBLEM = probe(PYTHON);
    }

    /**
     * A reader backed by a working ASE; skips the calling test if there is none, or fails it when {@code CI} is
     * {@code true}. Call it per test (in {@code @BeforeEach}) so that every skipped case is reported as skipped.
     */
    static AseReader require() {
        String python = Probe.PYTHON;
        String problem = Probe.PROBLEM;
        if (problem == null) {
            return new AseReader(python);
        }
        String message = "ASE is not importable with " + python + " (" + problem + "); install Debian's "
                + PACKAGES + " (apt-get install -y " + PACKAGES + ") or set MATSCREEN_PYTHON to a Python with ASE";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + ". CI=true: a skipped third-party round trip counts as a failure.");
        }
        return Assumptions.abort(message);
    }

    /** Reads {@code file} with {@code ase.io.read(file, format=aseFormat)}. */
    Read read(Path file, String aseFormat) {
        Result r = run(python, "-c", SCRIPT, file.toString(), aseFormat);
        if (r.exitCode != 0) {
            throw new AssertionError("ASE could not read " + file + " as " + aseFormat + " (exit " + r.exitCode
                    + "):\n" + r.stderr + "\n--- file ---\n" + contents(file));
        }
        try {
            JsonNode n = json.readTree(r.stdout);
            return new Read(matrix(n.get("cell")), strings(n.get("symbols")), matrix(n.get("scaled")),
                    booleans(n.get("pbc")), n.get("info"), n.get("ase_version").asText(),
                    n.get("energy").isNull() ? null : n.get("energy").asDouble(),
                    n.get("stress_gpa").isNull() ? null : vector(n.get("stress_gpa")));
        } catch (IOException e) {
            throw new AssertionError("unexpected output of the ASE script: " + r.stdout + "\n" + r.stderr, e);
        }
    }

    private static String interpreter() {
        String configured = System.getenv("MATSCREEN_PYTHON");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path debian = Path.of("/usr/bin/python3");
        return Files.isExecutable(debian) ? debian.toString() : "python3";
    }

    /** Null if ASE imports with {@code python}, else why not. */
    private static String probe(String python) {
        try {
            Result r = run(python, "-c", "import ase.io");
            return r.exitCode == 0 ? null : r.stderr.strip().lines().reduce((a, b) -> b).orElse("exit " + r.exitCode);
        } catch (UncheckedIOException e) {
            return "cannot start it: " + e.getCause().getMessage();
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private static Result run(String... command) {
        try {
            Process p = new ProcessBuilder(command).start();
            p.getOutputStream().close(); // the scripts read no input
            // Drain both pipes concurrently: a child blocked on a full stderr pipe would never exit.
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command[0], command[1]) + " did not finish within "
                        + TIMEOUT_SECONDS + " s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + command[0], e);
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contents(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static double[] vector(JsonNode values) {
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i).asDouble();
        }
        return v;
    }

    private static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            m[i] = new double[rows.get(i).size()];
            for (int k = 0; k < m[i].length; k++) {
                m[i][k] = rows.get(i).get(k).asDouble();
            }
        }
        return m;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static boolean[] booleans(JsonNode array) {
        boolean[] b = new boolean[array.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = array.get(i).asBoolean();
        }
        return b;
    }
}
