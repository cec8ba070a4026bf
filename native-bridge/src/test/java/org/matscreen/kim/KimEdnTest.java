package org.matscreen.kim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** kimspec.edn as OpenKIM writes it (this text follows the layout of the installed Mishin 2004 Ni–Al model's file). */
class KimEdnTest {
    static final String KIMSPEC = """
            {
             "doi" "10.25950/58d3fdeb" ; OpenKIM's DOI
             "extended-id" "EAM_Dynamo_Mishin_2004_NiAl__MO_101214310689_005"
             "model-driver" "EAM_Dynamo__MD_120291908751_005"
             "potential-type" "eam"
             "publication-year" 2018,
             "source-citations" [{"author" "Y. Mishin" "doi" "10.1016/j.actamat.2003.11.026"
                                  "journal" "Acta Materialia" "pages" "1451--1467"
                                  "title" "Atomistic modeling of the {N}i-{A}l system" "volume" "52" "year" "2004"}]
             "species" ["Ni" "Al"]
             "title" "EAM potential (LAMMPS cubic hermite tabulation) for Ni-Al \\"v005\\""
             "executables" []
             "flag" true
            }
            """;

    @Test
    void readsTheFieldsMatscreenUses() {
        KimSpec s = KimSpec.parse("x", KIMSPEC);
        assertEquals("EAM_Dynamo_Mishin_2004_NiAl__MO_101214310689_005", s.id());
        assertEquals(List.of("Ni", "Al"), s.species());
        assertEquals("EAM_Dynamo__MD_120291908751_005", s.driver());
        assertEquals("EAM", s.kind());
        assertEquals("10.25950/58d3fdeb", s.doi());
        assertEquals(List.of("10.1016/j.actamat.2003.11.026"), s.sourceDois());
        assertEquals("Y. Mishin (2004), Acta Materialia 52, 1451--1467, doi:10.1016/j.actamat.2003.11.026; OpenKIM"
                + " EAM_Dynamo_Mishin_2004_NiAl__MO_101214310689_005, doi:10.25950/58d3fdeb", s.citation());
        assertEquals("EAM potential (LAMMPS cubic hermite tabulation) for Ni-Al \"v005\"", s.title());
    }

    @Test
    void kindFallsBackToTheIdPrefix() {
        assertEquals("SNAP", KimSpec.parse("SNAP_X__MO_1", "{\"species\" [\"Mo\"]}").kind());
    }

    @Test
    void malformedTextIsRefusedWithItsOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KimEdn.parse("{\"species\" [\"Ni\" \"Al\"}"));
        assertEquals("KIM-EDN: unexpected '}' at offset 21", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KimEdn.parse("{\"a\" \"b"));
    }
}
