package org.matscreen.repository.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportInfoTest {
    @Test
    void keepsTypedMetadataInInsertionOrderWithoutChangingTheOriginal() {
        ExportInfo base = ExportInfo.of("c-1");
        ExportInfo info = base.with("z_last_alphabetically", "first").with("energy_per_atom_ev", -3.25)
                .with("steps", 40);
        assertTrue(base.metadata().isEmpty());
        assertEquals(List.of("z_last_alphabetically", "energy_per_atom_ev", "steps"),
                List.copyOf(info.metadata().keySet()));
        assertEquals(Map.of("z_last_alphabetically", "first", "energy_per_atom_ev", -3.25, "steps", 40L),
                info.metadata());
        assertThrows(UnsupportedOperationException.class, () -> info.metadata().put("x", 1L));
    }

    @Test
    void equalityIsOnIdAndMetadata() {
        assertEquals(ExportInfo.of("a").with("k", 1), ExportInfo.of("a").with("k", 1));
        assertEquals(ExportInfo.of("a").with("k", 1).hashCode(), ExportInfo.of("a").with("k", 1).hashCode());
        assertNotEquals(ExportInfo.of("a").with("k", 1), ExportInfo.of("a").with("k", 1.0));
        assertNotEquals(ExportInfo.of("a"), ExportInfo.of("b"));
    }

    @Test
    void rejectsIdsAndTextThatWouldBreakALine() {
        assertThrows(IllegalArgumentException.class, () -> ExportInfo.of(" "));
        assertThrows(IllegalArgumentException.class, () -> ExportInfo.of("a\nb"));
        assertThrows(IllegalArgumentException.class, () -> ExportInfo.of("a").with("note", "two\rlines"));
    }

    @Test
    void rejectsKeysNoFormatCanHoldOrThatTheWritersOwn() {
        ExportInfo info = ExportInfo.of("a");
        assertThrows(IllegalArgumentException.class, () -> info.with("energy per atom", 1.0));
        assertThrows(IllegalArgumentException.class, () -> info.with("1st", 1.0));
        assertThrows(IllegalArgumentException.class, () -> info.with("k".repeat(ExportInfo.MAX_KEY_LENGTH + 1), 1));
        info.with("k".repeat(ExportInfo.MAX_KEY_LENGTH), 1);
        for (String reserved : List.of("id", "Lattice", "PROPERTIES", "pbc", "energy", "Stress", "free_energy")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> info.with(reserved, 1));
            assertTrue(e.getMessage().contains("reserved"), e.getMessage());
        }
    }

    @Test
    void rejectsNumbersWithoutAPortableSpelling() {
        ExportInfo info = ExportInfo.of("a");
        assertThrows(IllegalArgumentException.class, () -> info.with("e", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> info.with("e", Double.POSITIVE_INFINITY));
    }
}
