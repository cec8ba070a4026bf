package org.matscreen.lammps;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.matscreen.core.structure.Structure;

/**
 * The independent structure classification of {@code independent_structure.py} (adaptive common-neighbour analysis
 * with ASE, space group with spglib) run on exported cells through Debian's Python. The interpreter is
 * {@code $MATSCREEN_PYTHON}, else {@code /usr/bin/python3} (where python3-ase and python3-spglib install), else
 * {@code python3}; without them the calling test is skipped, or fails under {@code CI=true}.
 */
final class IndependentStructure {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the independent method says about one cell. */
    record Verdict(List<String> classes, String spaceGroup) {}

    private IndependentStructure() {}

    static String python() {
        String configured = System.getenv("MATSCREEN_PYTHON");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /** Classifies every cell (by name); skips or fails the test when the Python side is missing. */
    static Map<String, Verdict> classify(Map<String, Structure> cells) {
        String python = python();
        String missing = run(python, "import ase, spglib, numpy", "").exit == 0 ? null
                : "ASE or spglib is not importable with " + python;
        if (missing != null) {
            String message = missing + "; install Debian's python3-ase python3-spglib (scripts/setup.sh --test)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + ". CI=true: a skipped cross-check counts as a failure.");
            }
            Assumptions.abort(message);
        }
        ObjectNode in = JSON.createObjectNode();
        ArrayNode list = in.putArray("cells");
        cells.forEach((name, s) -> {
            ObjectNode c = list.addObject().put("name", name);
            ArrayNode l = c.putArray("lattice");
            for (double x : s.lattice().rowMajor()) {
                l.add(x);
            }
            ArrayNode f = c.putArray("fractional");
            for (double x : s.fractionalCoordinates()) {
                f.add(x);
            }
        });
        String script;
        try (InputStream res = IndependentStructure.class.getResourceAsStream("independent_structure.py")) {
            script = new String(res.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Result r = run(python, script, in.toString());
        if (r.exit != 0) {
            throw new AssertionError("independent_structure.py failed (exit " + r.exit + "):\n" + r.err);
        }
        Map<String, Verdict> out = new LinkedHashMap<>();
        try {
            for (JsonNode c : JSON.readTree(r.out).get("cells")) {
                List<String> classes = new ArrayList<>();
                c.get("classes").forEach(x -> classes.add(x.asText()));
                out.put(c.get("name").asText(), new Verdict(classes, c.get("spacegroup").asText()));
            }
        } catch (IOException e) {
            throw new AssertionError("unexpected output: " + r.out, e);
        }
        return out;
    }

    private record Result(int exit, String out, String err) {}

    private static Result run(String python, String script, String stdin) {
        try {
            Process p = new ProcessBuilder(python, "-c", script).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
            try (OutputStream o = p.getOutputStream()) {
                o.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("independent_structure.py took more than 300 s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            return new Result(127, "", "cannot start " + python + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String drain(InputStream in) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
