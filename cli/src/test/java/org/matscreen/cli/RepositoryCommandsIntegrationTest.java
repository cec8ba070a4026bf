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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.repository.schema.JsonSchemaValidator;
import org.matscreen.repository.schema.SchemaFiles;

/**
 * A real screen (Spark local mode, LAMMPS) and then {@code query}, {@code export} and {@code report} on what it
 * committed: the records and the manifest LAMMPS results produce validate against the committed JSON Schemas.
 */
@Tag("integration")
@Tag("lammps")
@Tag("spark")
class RepositoryCommandsIntegrationTest {

    @Test
    void aRealRepositoryValidatesAndExports(@TempDir Path dir) throws IOException {
        Path c = Files.writeString(dir.resolve("c.yaml"), """
                name: cli-repo
                space: {elements: [Cu, Ni], orders: [1, 2], step: 0.5}
                structure: {prototypes: [fcc], supercell: [2, 2, 2]}
                method: {potential: CuNi.eam.alloy, properties: {eos: true, elastic: false}}
                screening: {objectives: ["min dh_mix_ev_per_atom", "max bulk_modulus_gpa"], top: 5}
                """);
        String repo = dir.resolve("repo").toString();
        CliTest.Result run = CliTest.exec("run", c.toString(), "--out", repo, "--master", "local[2]", "--no-progress");
        assertEquals(ExitCodes.OK, run.code(), run.err());

        CliTest.Result json = CliTest.exec("query", repo, "--format", "json", "--columns", "all");
        assertEquals(ExitCodes.OK, json.code(), json.err());
        JsonNode rows = new ObjectMapper().readTree(json.out());
        assertEquals(3, rows.size());
        Path schemas = RepositoryCommandsTest.resultsSchemaDir();
        JsonSchemaValidator records = JsonSchemaValidator.forFile(schemas, SchemaFiles.RECORD_JSON_SCHEMA);
        List<String> errors = new ArrayList<>();
        rows.forEach(r -> errors.addAll(records.errors(r)));
        JsonSchemaValidator manifests = JsonSchemaValidator.forFile(schemas, SchemaFiles.MANIFEST_JSON_SCHEMA);
        errors.addAll(manifests.errors(new ObjectMapper().readTree(dir.resolve("repo/manifest.json").toFile())));
        assertEquals(List.of(), errors);

        CliTest.Result h5 = CliTest.exec("export", repo, "--format", "hdf5", "--out", dir.resolve("out").toString());
        assertEquals(ExitCodes.OK, h5.code(), h5.err());
        try (HdfFile f = new HdfFile(dir.resolve("out/cli-repo.h5"))) {
            assertEquals(3L, f.getAttribute("records").getData());
            assertTrue(((String) f.getByPath("cli-repo").getAttribute("code_version").getData()).startsWith("LAMMPS"));
        }
        CliTest.Result xyz = CliTest.exec("export", repo, "--format", "extxyz", "--out", dir.resolve("out").toString());
        assertEquals(ExitCodes.OK, xyz.code(), xyz.err());
        assertTrue(xyz.out().startsWith("wrote 3 extxyz files"), xyz.out());
        CliTest.Result report = CliTest.exec("report", repo, "--out", dir.resolve("out/r.html").toString());
        assertEquals(ExitCodes.OK, report.code(), report.err());
        assertTrue(Files.readString(dir.resolve("out/r.html")).contains("circle class=\"front\""));
    }
}
