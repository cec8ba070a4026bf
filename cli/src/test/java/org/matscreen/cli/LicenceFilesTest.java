package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.matscreen.core.util.BuildInfo;

/**
 * The licence (Apache-2.0, as Spark's), the list of third-party libraries with their licences, and the citation file
 * are in the checkout and say what they must.
 */
class LicenceFilesTest {
    static final Path HOME = TestDistribution.findCheckout();

    @Test
    void theLicenceIsApache2() throws IOException {
        String text = Files.readString(HOME.resolve("LICENSE"));
        assertTrue(text.strip().startsWith("Apache License\n                           Version 2.0, January 2004"),
                text.substring(0, 200));
        assertTrue(text.contains("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION"));
        assertTrue(Files.readString(HOME.resolve("NOTICE")).contains("Apache License, Version 2.0"));
        assertTrue(Files.readString(HOME.resolve("pom.xml")).contains("<name>Apache-2.0</name>"));
    }

    @Test
    void everyThirdPartyLibraryHasAnAcceptedLicence() throws IOException {
        String text = Files.readString(HOME.resolve("THIRD-PARTY.md"));
        List<String> rows = text.lines().filter(l -> l.startsWith("| `")).toList();
        assertTrue(rows.size() > 150, "the runtime classpath has ~180 jars: " + rows.size());
        assertFalse(text.contains("**not accepted**") || text.contains("Problems:"), text);
        for (String direct : List.of("org.apache.spark:spark-core_2.13:", "org.apache.spark:spark-sql_2.13:",
                "net.java.dev.jna:jna:", "info.picocli:picocli:", "com.fasterxml.jackson.core:jackson-databind:",
                "com.fasterxml.jackson.dataformat:jackson-dataformat-yaml:", "org.apache.commons:commons-math3:",
                "org.apache.parquet:parquet-hadoop:", "org.apache.hadoop:hadoop-client-api:", "io.jhdf:jhdf:",
                "org.eclipse.jetty:jetty-server:")) {
            assertTrue(rows.stream().anyMatch(r -> r.startsWith("| `" + direct)), direct + " is listed");
        }
        String jna = rows.stream().filter(r -> r.contains("net.java.dev.jna:jna:")).findFirst().orElseThrow();
        assertTrue(jna.endsWith("| Apache-2.0 |"), "JNA is dual-licensed and used under Apache-2.0: " + jna);
        assertTrue(text.contains("LAMMPS (GPL-2.0)") && text.contains("Not distributed"), "LAMMPS is explained");
    }

    @Test
    void theCitationFileIsValidAndCitesWhatResultsRestOn() throws IOException {
        JsonNode cff = new ObjectMapper(new YAMLFactory()).readTree(HOME.resolve("CITATION.cff").toFile());
        assertEquals("1.2.0", cff.path("cff-version").asText());
        for (String key : List.of("message", "title", "authors", "version", "license", "type")) {
            assertFalse(cff.path(key).isMissingNode(), key);
        }
        assertEquals("Apache-2.0", cff.path("license").asText());
        assertTrue(BuildInfo.version().equals("unknown") || BuildInfo.version().startsWith(cff.path("version")
                .asText()), "CITATION.cff version " + cff.path("version") + " vs build " + BuildInfo.version());
        assertTrue(cff.path("message").asText().contains("potential_citation"), "says where the potentials' citations"
                + " are");
        List<String> dois = new ArrayList<>();
        for (JsonNode r : cff.path("references")) {
            for (String key : List.of("type", "title", "authors", "year", "doi")) {
                assertFalse(r.path(key).isMissingNode(), key + " of " + r);
            }
            assertTrue(r.path("doi").asText().matches("10\\.\\d{4,9}/\\S+"), r.path("doi").asText());
            dois.add(r.path("doi").asText());
        }
        assertTrue(dois.contains("10.1016/j.cpc.2021.108171"), "LAMMPS: " + dois);
        assertTrue(dois.contains("10.1371/journal.pone.0101298"), "Nuss & Eckelman: " + dois);
        assertTrue(dois.contains("10.1103/PhysRevB.69.144113"), "Zhou 2004: " + dois);
    }
}
