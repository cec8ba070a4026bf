package org.matscreen.repository.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.matscreen.repository.ExternalTool;

/**
 * Headless Chromium as the tests drive it: a fresh profile per test, no network use of its own (no background
 * networking, component updates or sync), no GPU and no sandbox (tests run as root in CI).
 */
public final class Chromium {
    private static final long TIMEOUT_SECONDS = 120;

    private final ExternalTool tool;
    private final Path profile;

    public Chromium(ExternalTool tool, Path profile) {
        this.tool = tool;
        this.profile = profile;
    }

    /** The DOM after loading {@code page}. */
    public String dumpDom(Path page) {
        ExternalTool.Result r = tool.run(TIMEOUT_SECONDS, args("--dump-dom", page.toUri().toString()));
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout();
    }

    /** A PNG screenshot of {@code page} at {@code width × height} CSS px. */
    public Path screenshot(Path page, Path png, int width, int height) {
        ExternalTool.Result r = tool.run(TIMEOUT_SECONDS, args("--screenshot=" + png,
                "--window-size=" + width + "," + height, "--hide-scrollbars", page.toUri().toString()));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(Files.isRegularFile(png), "no screenshot written: " + r.stderr());
        return png;
    }

    private String[] args(String... specific) {
        List<String> a = new ArrayList<>(List.of("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile));
        a.addAll(List.of(specific));
        return a.toArray(new String[0]);
    }
}
