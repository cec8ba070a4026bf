package org.matscreen.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.matscreen.core.sim.FitScope;
import org.matscreen.kim.KimModelId;

/** The project's fit-scope table: well formed, every row citing its paper, and read as the rows say. */
class FitScopesTest {
    static final Pattern YEAR = Pattern.compile("\\((19|20)\\d\\d\\)");

    @Test
    void everyRowNamesAPotentialAndCitesAPaper() {
        List<FitScopes.Entry> rows = FitScopes.standard().entries();
        assertTrue(rows.size() >= 15, "rows: " + rows.size());
        for (FitScopes.Entry e : rows) {
            String p = e.potential();
            assertTrue(p.equals("zhou2004") || p.matches("[A-Za-z0-9_]+\\.eam\\.(alloy|fs)")
                    || (KimModelId.isKim(p) && KimModelId.parse(p, "fit-scopes.csv", "potential").equals(p.substring(4))),
                    p);
            assertTrue(e.fittedPairs().equals("all") || e.fittedPairs().equals("-")
                    || e.fittedPairs().matches("[A-Z][a-z]?-[A-Z][a-z]?( [A-Z][a-z]?-[A-Z][a-z]?)*"), p);
            assertTrue(YEAR.matcher(e.reference()).find(), p + " cites no dated paper: " + e.reference());
        }
    }

    @Test
    void scopesReadAsTheTableSays() {
        FitScopes t = FitScopes.standard();
        List<String> cantor = List.of("Co", "Ni", "Cr", "Fe", "Mn");
        assertEquals(FitScope.Fit.FITTED, t.scopeOf("kim:MEAM_LAMMPS_ChoiJoSohn_2018_CoNiCrFeMn__MO_115454747503_000",
                cantor).fitOf(List.of("Cr", "Mn", "Ni")));
        assertEquals(FitScope.Fit.MIXING_RULE, t.scopeOf("zhou2004", List.of("Cu", "Ta")).fitOf(List.of("Cu", "Ta")));
        assertEquals(FitScope.Fit.MIXING_RULE, t.scopeOf("CuTa.eam.alloy", List.of("Cu", "Ta"))
                .fitOf(List.of("Cu", "Ta")));
        assertEquals(FitScope.Fit.UNKNOWN, t.scopeOf("Unlisted.eam.alloy", List.of("Cu", "Ta"))
                .fitOf(List.of("Cu", "Ta")));
        assertEquals(FitScope.Fit.FITTED, t.scopeOf("Cu_mishin1.eam.alloy", List.of("Cu")).fitOf(List.of("Cu")),
                "a single-element file has no pair to fit");
    }

    @Test
    void theCatalogFindsDoisInCitations() {
        assertEquals("10.1103/PhysRevB.69.144113",
                PotentialCatalog.doiIn("Zhou, Phys. Rev. B 69, 144113 (2004), doi:10.1103/PhysRevB.69.144113; Cr: x"));
        assertEquals("", PotentialCatalog.doiIn("Onat and Durukanoglu, J Phys Cond Matt, 26, 035404 (2014)"));
    }
}
