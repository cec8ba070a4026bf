package org.matscreen.gpaw;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPAW worker's Python tests ({@code native-bridge/src/test/python/test_gpaw_*.py}: the worker's pure functions
 * against ASE's EMT, the framed protocol, and the PBE reference checks of the DFT tier) run by Debian's
 * {@code /usr/bin/python3}, one JUnit test per module so a failure names its module.
 *
 * <p>The Python modules skip themselves when GPAW is not importable, and a unittest run of skipped tests exits 0.
 * {@code scripts/setup.sh --test} installs gpaw and gpaw-data wherever this test runs, so here a missing GPAW and
 * any skipped Python test are failures, never a skip or a silent pass.
 */
@Tag("integration")
@Tag("gpaw")
@Tag("python")
class GpawWorkerPythonIntegrationTest {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    /** The Python test folder, relative to the native-bridge module. */
    static final Path TESTS = Path.of("src", "test", "python");
    static final String INSTALL = "install Debian's gpaw and gpaw-data with scripts/setup.sh --test";
    private static final Pattern RAN = Pattern.compile("(?m)^Ran (\\d+) tests? in ");

    @Test
    void workerUnits(@TempDir Path tmp) throws Exception {
        runModule("test_gpaw_worker_units", Duration.ofMinutes(5), tmp);
    }

    @Test
    void framedProtocol(@TempDir Path tmp) throws Exception {
        runModule("test_gpaw_protocol", Duration.ofMinutes(20), tmp);
    }

    /** The acceptance reference checks (fcc Cu/Ni/Al, Ni moment, Ni3Al and NiAl formation enthalpies). */
    @Test
    void pbeReferenceChecks(@TempDir Path tmp) throws Exception {
        runModule("test_gpaw_reference", Duration.ofMinutes(60), tmp);
    }

    private static void runModule(String module, Duration timeout, Path tmp) throws Exception {
        requireGpaw(tmp);
        Path moduleDir = moduleDir();
        Path log = tmp.resolve(module + ".log");
        Process p = new ProcessBuilder(PYTHON.toString(), "-m", "unittest", "discover", "-s", TESTS.toString(),
                "-p", module + ".py", "-v")
                .directory(moduleDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished;
        try {
            finished = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        } finally {
            if (p.isAlive()) {
                // The module's GPAW workers are children of the unittest process: stop them too.
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("---- " + module + " (" + moduleDir.resolve(TESTS) + ") ----\n" + output);
        if (!finished) {
            fail(module + " did not finish within " + timeout.toMinutes() + " min; output:\n" + output);
        }
        if (p.exitValue() != 0) {
            fail(module + " failed (exit code " + p.exitValue() + "); output:\n" + output);
        }
        Matcher ran = RAN.matcher(output);
        if (!ran.find() || Integer.parseInt(ran.group(1)) == 0) {
            fail(module + " ran no tests; output:\n" + output);
        }
        String verdict = lastLine(output);
        if (!verdict.equals("OK")) {
            // "OK (skipped=N)" or "OK (expected failures=N)": a check that did not run cannot pass here.
            fail(module + " ended with '" + verdict + "', but every test must run (" + INSTALL + "); output:\n"
                    + output);
        }
    }

    /** Fails (not skips): gpaw is part of the test environment that {@code scripts/setup.sh --test} installs. */
    private static void requireGpaw(Path tmp) throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            fail(PYTHON + " is missing; " + INSTALL);
        }
        Path log = tmp.resolve("import-gpaw.log");
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import gpaw, ase")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("'" + PYTHON + " -c \"import gpaw, ase\"' did not finish within 120 s");
        }
        if (p.exitValue() != 0) {
            fail("'" + PYTHON + " -c \"import gpaw, ase\"' failed (exit code " + p.exitValue() + "); " + INSTALL
                    + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    /**
     * The native-bridge module folder, whether Maven runs from the module or from the root: found from this class's
     * output folder ({@code native-bridge/target/test-classes}), else from the working directory.
     */
    static Path moduleDir() throws URISyntaxException {
        List<Path> candidates = new ArrayList<>();
        Path classes = Path.of(GpawWorkerPythonIntegrationTest.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        if (classes.getParent() != null && classes.getParent().getParent() != null) {
            candidates.add(classes.getParent().getParent());
        }
        Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        candidates.add(cwd);
        candidates.add(cwd.resolve("native-bridge"));
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve(TESTS).resolve("gpaw_client.py"))) {
                return c.normalize();
            }
        }
        return fail("no " + TESTS + "/gpaw_client.py under any of " + candidates);
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\\R");
        return lines[lines.length - 1].strip();
    }
}
