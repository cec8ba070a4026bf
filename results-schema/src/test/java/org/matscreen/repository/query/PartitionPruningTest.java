package org.matscreen.repository.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.matscreen.repository.filter.FilterParser;

/** A chemical-system folder is skipped exactly when no record in it can match. */
class PartitionPruningTest {
    static final List<String> SYSTEMS = List.of("Co", "Ni", "Co-Ni", "Cr-Fe", "Co-Cr-Ni", "Co-Cr-Fe-Ni");

    static List<String> kept(String where) {
        PartitionPruning p = PartitionPruning.of(FilterParser.parse(where));
        return SYSTEMS.stream().filter(p::mayMatch).toList();
    }

    @Test
    void partitionPropertiesAreDecidedPerFolder() {
        assertEquals(List.of("Co-Ni", "Co-Cr-Ni", "Co-Cr-Fe-Ni"), kept("elements HAS ALL \"Co\",\"Ni\""));
        assertEquals(List.of("Co-Ni", "Cr-Fe"), kept("nelements = 2"));
        assertEquals(List.of("Cr-Fe"), kept("chemical_system = \"Cr-Fe\""));
        assertEquals(List.of("Co", "Ni", "Co-Ni"), kept("elements HAS ONLY \"Co\",\"Ni\""));
        assertEquals(List.of("Co", "Ni", "Cr-Fe"), kept("NOT elements HAS ALL \"Co\",\"Ni\" AND nelements < 3"));
    }

    @Test
    void otherPropertiesKeepFoldersUnlessAnAndExcludesThem() {
        assertEquals(SYSTEMS, kept("dh_mix_ev_per_atom < 0"));
        assertEquals(SYSTEMS, kept("NOT (nelements = 2 AND dh_mix_ev_per_atom < 0)"));
        assertEquals(List.of("Co-Ni", "Cr-Fe"), kept("nelements = 2 AND dh_mix_ev_per_atom < 0"));
        assertEquals(SYSTEMS, kept("nelements = 2 OR dh_mix_ev_per_atom < 0"));
        assertEquals(List.of("Co", "Ni", "Co-Ni", "Cr-Fe"), kept("nelements = 1 OR (nelements = 2 AND bulk_modulus_gpa > 1)"));
        assertEquals(List.of(), kept("chemical_system IS UNKNOWN"));
    }
}
