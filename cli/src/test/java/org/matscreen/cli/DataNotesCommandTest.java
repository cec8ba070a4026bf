package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.repository.report.ReportFixtures;

/** A price or footprint column comes with the year and scope of its data (and Fe's ore-like price). */
class DataNotesCommandTest {
    @TempDir
    static Path dir;

    static String repo;

    @BeforeAll
    static void repository() {
        repo = dir.resolve("repo").toString();
        ReportFixtures.repository(dir.resolve("repo"));
    }

    @Test
    void queryNotesThePriceYearAndFesCaveatForTheElementsShown() {
        CliTest.Result r = CliTest.exec("query", repo, "--where", "elements HAS \"Fe\"", "--columns",
                "id,elements,price_usd_per_kg,co2_kg_per_kg", "--top", "3");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.err().contains("note: price_usd_per_kg: element prices of 2013 (pymatgen costdb)"), r.err());
        assertTrue(r.err().contains("note: price_usd_per_kg: Fe at 0.02970 USD/kg (2013) is an ore-like value"),
                r.err());
        assertTrue(r.err().contains("note: co2_kg_per_kg: Nuss & Eckelman (2014), 2008 global averages"), r.err());
        // footprints are known now: the Co-Cr-Fe-Ni records print numbers, not n/a
        assertFalse(r.out().lines().skip(1).anyMatch(l -> l.endsWith("n/a")), r.out());

        CliTest.Result noFe = CliTest.exec("query", repo, "--where", "elements HAS ONLY \"Co\",\"Ni\"", "--columns",
                "id,elements,price_usd_per_kg", "--top", "3");
        assertTrue(noFe.err().contains("element prices of 2013"), noFe.err());
        assertFalse(noFe.err().contains("ore-like"), noFe.err());
        CliTest.Result none = CliTest.exec("query", repo, "--columns", "id,bulk_modulus_gpa", "--top", "1");
        assertFalse(none.err().contains("note:"), none.err());
    }
}
