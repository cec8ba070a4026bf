package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.repository.SyntheticRecords;
import org.matscreen.repository.report.ReportFixtures;
import org.matscreen.repository.schema.JsonSchemaValidator;
import org.matscreen.repository.schema.SchemaFiles;

/** {@code query}, {@code export} and {@code report} on a synthetic repository: output, files and exit codes. */
class RepositoryCommandsTest {
    @TempDir
    static Path dir;

    static String repo;

    @BeforeAll
    static void repository() {
        repo = dir.resolve("repo").toString();
        ReportFixtures.repository(dir.resolve("repo"));
    }

    @Test
    void queryPrintsATableOfTheTopRecords() {
        CliTest.Result r = CliTest.exec("query", repo, "--where", "elements HAS ALL \"Co\",\"Ni\" AND nelements = 2",
                "--sort", "dh_mix_ev_per_atom:desc", "--top", "3");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(0).matches("id +reduced_formula +chemical_system +prototype +status +flags"
                + " +dh_mix_ev_per_atom +elements +nelements"), lines.get(0));
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains("Co-Ni")), r.out());
        assertTrue(r.err().contains("3 records printed; 6 matched"), r.err());
    }

    @Test
    void queryTablesShowFlagsApart() {
        CliTest.Result r = CliTest.exec("query", repo, "--where", "flags HAS \"transformed\"", "--top", "50");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.size() > 1, r.out());
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains("transformed")), r.out());
        CliTest.Result clean = CliTest.exec("query", repo, "--where", "status = \"ok\" AND nelements = 1");
        assertTrue(clean.out().lines().skip(1).anyMatch(l -> l.matches(".* ok +- .*")),
                "an unflagged record shows '-' under flags: " + clean.out());
    }

    @Test
    void queryCsvAndJsonKeepExactValues() throws IOException {
        CliTest.Result csv = CliTest.exec("query", repo, "--where", "nelements = 1", "--format", "csv",
                "--columns", "id,elements,bulk_modulus_gpa,started_at", "--sort", "id");
        assertEquals(ExitCodes.OK, csv.code(), csv.err());
        List<String> lines = csv.out().lines().toList();
        assertEquals("id,elements,bulk_modulus_gpa,started_at", lines.get(0));
        assertEquals(9, lines.size(), "8 pure-element records");
        assertTrue(lines.get(1).matches("[0-9a-f]{64},[A-Z][a-z],[0-9.]+,[0-9]{13}"), lines.get(1));

        CliTest.Result json = CliTest.exec("query", repo, "--format", "json", "--columns", "all", "--top", "10",
                "--sort", "-bulk_modulus_gpa");
        assertEquals(ExitCodes.OK, json.code(), json.err());
        JsonNode rows = new ObjectMapper().readTree(json.out());
        assertEquals(10, rows.size());
        JsonSchemaValidator schema = JsonSchemaValidator.forFile(resultsSchemaDir(), SchemaFiles.RECORD_JSON_SCHEMA);
        List<String> errors = new ArrayList<>();
        rows.forEach(row -> errors.addAll(schema.errors(row)));
        assertEquals(List.of(), errors, "--columns all prints records in the JSON form of record.schema.json");
        assertTrue(rows.get(0).get("bulk_modulus_gpa").asDouble() >= rows.get(9).get("bulk_modulus_gpa").asDouble());
    }

    @Test
    void badInputIsAnInputErrorNamingTheOption() {
        CliTest.Result where = CliTest.exec("query", repo, "--where", "nelements >");
        assertEquals(ExitCodes.INVALID_INPUT, where.code());
        assertTrue(where.err().startsWith("error: --where: syntax error at column"), where.err());
        CliTest.Result unknown = CliTest.exec("query", repo, "--where", "band_gap > 1");
        assertEquals(ExitCodes.INVALID_INPUT, unknown.code());
        assertTrue(unknown.err().contains("unknown property 'band_gap'"), unknown.err());
        CliTest.Result sort = CliTest.exec("query", repo, "--sort", "elements");
        assertEquals(ExitCodes.INVALID_INPUT, sort.code());
        assertTrue(sort.err().contains("--sort") && sort.err().contains("is a list"), sort.err());
        CliTest.Result format = CliTest.exec("query", repo, "--format", "xml");
        assertEquals(ExitCodes.INVALID_INPUT, format.code());
        CliTest.Result notRepo = CliTest.exec("query", dir.resolve("nothing").toString());
        assertEquals(ExitCodes.INVALID_INPUT, notRepo.code());
        assertTrue(notRepo.err().contains("not a matscreen repository"), notRepo.err());
        CliTest.Result exportFormat = CliTest.exec("export", repo, "--format", "xyz", "--out", dir.toString());
        assertEquals(ExitCodes.INVALID_INPUT, exportFormat.code());
        assertTrue(exportFormat.err().contains("cif, poscar, extxyz, hdf5"), exportFormat.err());
    }

    @Test
    void exportWritesOneStructureFilePerRelaxedRecord() throws IOException {
        Path out = dir.resolve("cif");
        CliTest.Result r = CliTest.exec("export", repo, "--format", "cif", "--where", "nelements <= 2", "--out",
                out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        try (Stream<Path> files = Files.walk(out)) {
            List<Path> cifs = files.filter(p -> p.toString().endsWith(".cif")).toList();
            // 4 unaries + 6 binaries x 3 compositions, x 2 prototypes, less the failed ones among them
            Matcher m = Pattern.compile("; (\\d+) selected records have no relaxed")
                    .matcher(r.out());
            long skipped = m.find() ? Long.parseLong(m.group(1)) : 0;
            assertEquals(1, skipped, "the crashed record of the fixture is a binary: " + r.out());
            assertEquals(2 * (4 + 6 * 3) - skipped, cifs.size(), r.out());
            assertTrue(cifs.stream().allMatch(p -> p.getParent().getFileName().toString().matches("[A-Z][a-z]?(-[A-Z][a-z]?)?")));
            String text = Files.readString(cifs.get(0));
            assertTrue(text.contains("_matscreen_campaign") && text.contains(SyntheticRecords.CAMPAIGN), text);
        }
    }

    @Test
    void exportHdf5WritesEveryRecordOfTheSelection() {
        Path out = dir.resolve("h5");
        CliTest.Result r = CliTest.exec("export", repo, "--format", "hdf5", "--where", "nelements >= 3", "--out",
                out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        Path file = out.resolve(SyntheticRecords.CAMPAIGN + ".h5");
        try (HdfFile h = new HdfFile(file)) {
            assertEquals(2L * (4 * 3 + 1), h.getAttribute("records").getData());
            assertEquals("nelements >= 3", h.getAttribute("filter").getData());
        }
    }

    @Test
    void reportWritesTheHtmlPage() throws IOException {
        Path out = dir.resolve("report/hea.html");
        CliTest.Result r = CliTest.exec("report", repo, "--out", out.toString(), "--property", "bulk_modulus_gpa");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        String html = Files.readString(out);
        assertTrue(html.contains("id=\"pareto-chart\"") && html.contains("Bulk modulus B_EOS (GPa) against composition"));
        CliTest.Result bad = CliTest.exec("report", repo, "--out", out.toString(), "--property", "beauty");
        assertEquals(ExitCodes.INVALID_INPUT, bad.code());
        assertTrue(bad.err().contains("unknown metric 'beauty'"), bad.err());
    }

    static Path resultsSchemaDir() {
        return Path.of(System.getProperty("basedir", ".")).resolve("../results-schema").normalize();
    }

    /** Issue 17, item 11: {@code query --where} with 3,000 AND terms died with an uncaught StackOverflowError. */
    @Test
    void aFilterOfThousandsOfTermsIsAnInputError() {
        String where = String.join(" AND ", java.util.Collections.nCopies(3000, "nsites > 1"));
        CliTest.Result r = CliTest.exec("query", repo, "--where", where);
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.err());
        assertTrue(r.err().startsWith("error: --where:") && r.err().contains("comparisons"), r.err());
        assertTrue(r.err().lines().count() == 1, r.err());
    }

    /** Issue 17, item 8: exporting a pulled repository (no manifest) wrote a hidden file named ".h5". */
    @Test
    void hdf5FileNamesAreNeverHiddenOrEmpty() {
        assertEquals("cuni.h5", ExportCommand.hdf5FileName("cuni", "x"));
        assertEquals("pulled.h5", ExportCommand.hdf5FileName(null, "pulled"));
        assertEquals("records.h5", ExportCommand.hdf5FileName(null, ""));
        assertEquals("records.h5", ExportCommand.hdf5FileName("", ".hidden"));
        assertEquals("pulled.h5", ExportCommand.hdf5FileName("../up", "pulled"));
    }
}
