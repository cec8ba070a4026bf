package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} and {@code pull} on the command line: help, token issuing, input errors with their exit codes. */
class ServePullCommandTest {
    @TempDir
    Path dir;

    @Test
    void tokenPrintsTheTokenOnceAndOnlyItsDigestForTheConfiguration() {
        CliTest.Result r = CliTest.exec("serve", "token", "--group", "hea-lab", "--member", "alice");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*\\n  msk_[A-Za-z0-9_-]{43}\\n.*"), r.out());
        assertTrue(r.out().contains("  hea-lab:\n    members:\n      alice: \"sha256:"), r.out());
        CliTest.Result bad = CliTest.exec("serve", "token", "--group", "a b", "--member", "alice");
        assertEquals(ExitCodes.INVALID_INPUT, bad.code());
        assertTrue(bad.err().contains("--group"), bad.err());
    }

    @Test
    void serveNeedsARepositoryAndAValidConfiguration() throws Exception {
        CliTest.Result none = CliTest.exec("serve");
        assertEquals(ExitCodes.INVALID_INPUT, none.code());
        assertTrue(none.err().contains("REPO"), none.err());
        Path cfg = Files.writeString(dir.resolve("server.yaml"), "embargo: {max_months: 48}\n");
        CliTest.Result bad = CliTest.exec("serve", dir.toString(), "--config", cfg.toString());
        assertEquals(ExitCodes.INVALID_INPUT, bad.code());
        assertTrue(bad.err().contains(cfg.toString()) && bad.err().contains("embargo.max_months"), bad.err());
    }

    @Test
    void pullChecksItsArgumentsBeforeConnecting() {
        CliTest.Result ftp = CliTest.exec("pull", "ftp://example.org", "--out", dir.toString());
        assertEquals(ExitCodes.INVALID_INPUT, ftp.code());
        assertTrue(ftp.err().contains("http:// or https://"), ftp.err());
        CliTest.Result query = CliTest.exec("pull", "http://127.0.0.1:1/v1/structures?filter=x", "--out",
                dir.toString());
        assertEquals(ExitCodes.INVALID_INPUT, query.code());
        assertTrue(query.err().contains("--filter"), query.err());
        CliTest.Result missing = CliTest.exec("pull", "http://127.0.0.1:1");
        assertEquals(ExitCodes.INVALID_INPUT, missing.code(), "picocli: --out is required");
    }

    @Test
    void helpListsBothCommands() {
        CliTest.Result r = CliTest.exec("--help");
        assertTrue(r.out().contains("serve") && r.out().contains("pull"), r.out());
    }
}
