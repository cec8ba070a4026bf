package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.repository.report.ReportFixtures;

/** {@code id = "…"} with the shortened id a table prints, in {@code query} and {@code export}. */
class IdPrefixCommandTest {
    @TempDir
    static Path dir;

    static String repo;
    static List<String> ids;

    @BeforeAll
    static void repository() {
        repo = dir.resolve("repo").toString();
        ReportFixtures.repository(dir.resolve("repo"));
        CliTest.Result all = CliTest.exec("query", repo, "--format", "csv", "--columns", "id", "--sort", "id");
        assertEquals(ExitCodes.OK, all.code(), all.err());
        ids = all.out().lines().skip(1).toList();
        assertTrue(ids.size() > 20 && ids.stream().allMatch(i -> i.matches("[0-9a-f]{64}")), ids.toString());
    }

    @Test
    void theTwelveDigitsATablePrintsSelectTheRecord() {
        String id = ids.get(7);
        CliTest.Result table = CliTest.exec("query", repo, "--where", "id = \"" + id + "\"");
        String shortId = table.out().lines().skip(1).findFirst().orElseThrow().split(" +")[0];
        assertEquals(id.substring(0, 12), shortId, table.out());

        CliTest.Result r = CliTest.exec("query", repo, "--where", "id = \"" + shortId + "\"", "--format", "csv",
                "--columns", "id");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(List.of("id", id), r.out().lines().toList());
        CliTest.Result others = CliTest.exec("query", repo, "--where", "NOT id = \"" + shortId + "\" AND nelements >= 1",
                "--format", "csv", "--columns", "id");
        assertEquals(ids.size() - 1, others.out().lines().count() - 1, "the rest of the filter is kept");
        CliTest.Result export = CliTest.exec("export", repo, "--format", "hdf5", "--where", "id=\"" + shortId + "\"",
                "--out", dir.resolve("h5").toString());
        assertEquals(ExitCodes.OK, export.code(), export.err());
        assertTrue(export.out().startsWith("wrote 1 records"), export.out());
    }

    @Test
    void aPrefixOfSeveralIdsIsRefusedWithThem() {
        Map<String, Integer> starts = new HashMap<>();
        ids.forEach(i -> starts.merge(i.substring(0, 1), 1, Integer::sum));
        String shared = starts.entrySet().stream().filter(e -> e.getValue() > 1).findFirst().orElseThrow().getKey();
        CliTest.Result r = CliTest.exec("query", repo, "--where", "id = \"" + shared + "\"");
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.err());
        assertTrue(r.err().startsWith("error: --where: field 'id': '" + shared + "' is the start of " + starts.get(shared)
                + " record ids ("), r.err());
        String first = ids.stream().filter(i -> i.startsWith(shared)).findFirst().orElseThrow();
        assertTrue(r.err().contains(first.substring(0, 16) + "…"), r.err());
    }

    @Test
    void aPrefixOfNoIdMatchesNothingAndSaysWhy() {
        String none = "0123456789abcdef".chars().mapToObj(c -> String.valueOf((char) c))
                .map(c -> c.repeat(10)).filter(p -> ids.stream().noneMatch(i -> i.startsWith(p))).findFirst()
                .orElseThrow();
        CliTest.Result r = CliTest.exec("query", repo, "--where", "id = \"" + none + "\"");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.err().contains("warning: no record id starts with '" + none + "'"), r.err());
        assertTrue(r.err().contains("0 records printed"), r.err());
    }
}
