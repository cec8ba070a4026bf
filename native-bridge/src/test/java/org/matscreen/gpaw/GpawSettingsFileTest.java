package org.matscreen.gpaw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.error.NativeCodeException;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.util.Hashing;

/** DFT settings files: written from a preset and overrides, and read back only with the bytes they were hashed with. */
class GpawSettingsFileTest {
    @TempDir
    Path dir;

    @Test
    void aPresetWithOverridesBecomesAModelFileOfItsOwnChecksum() throws IOException {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("ecut_ev", 300);
        overrides.put("smearing", Map.of("width_ev", 0.05));
        overrides.put("initial_magmoms", Map.of("Cu", 0.1));
        PotentialRef ref = GpawSettingsFile.write(dir.resolve("dft.json"), "test", overrides, List.of("Cu", "Ni"));
        assertEquals("dft", ref.pairStyle());
        assertEquals(List.of("Cu", "Ni"), ref.elements());
        assertEquals(Hashing.sha256Hex(dir.resolve("dft.json")), ref.sha256());
        assertTrue(ref.citation().contains("Phys. Rev. B 71, 035109") && ref.citation().contains("PBE: J. P. Perdew"),
                ref.citation());
        ObjectNode s = GpawSettingsFile.read(ref);
        assertEquals(300, s.get("ecut_ev").asInt());
        assertEquals(0.05, s.get("smearing").get("width_ev").asDouble());
        assertEquals("methfessel-paxton", s.get("smearing").get("name").asText(), "nested objects merge key by key");
        assertEquals(0.1, s.get("initial_magmoms").get("Cu").asDouble());
        assertEquals(0.7, s.get("initial_magmoms").get("Ni").asDouble());
        assertEquals(3.5, s.get("kpoint_density_per_inv_angstrom").asDouble());
    }

    @Test
    void theSameSettingsMakeTheSameBytes() throws IOException {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("ecut_ev", 450);
        a.put("xc", "PBEsol");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("xc", "PBEsol");
        b.put("ecut_ev", 450);
        PotentialRef ra = GpawSettingsFile.write(dir.resolve("a.json"), "production", a, List.of("Al"));
        PotentialRef rb = GpawSettingsFile.write(dir.resolve("b.json"), "production", b, List.of("Al"));
        assertEquals(ra.sha256(), rb.sha256());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.json")), Files.readAllBytes(dir.resolve("b.json")));
        assertTrue(ra.citation().contains("PBEsol"), ra.citation());
    }

    @Test
    void aMisspeltSettingOrUnknownPresetOrFunctionalIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> GpawSettingsFile.write(
                dir.resolve("x.json"), "test", Map.of("smearing", Map.of("widht_ev", 0.05)), List.of("Al")));
        assertEquals("smearing.widht_ev", e.field());
        assertThrows(InvalidInputException.class, () -> GpawSettingsFile.write(dir.resolve("x.json"), "fast",
                Map.of(), List.of("Al")));
        assertThrows(InvalidInputException.class, () -> GpawSettingsFile.write(dir.resolve("x.json"), "test",
                Map.of("xc", "B3LYP"), List.of("Al")));
    }

    @Test
    void aFileThatChangedSinceItWasResolvedIsRefusedNamingIt() throws IOException {
        Path file = dir.resolve("dft.json");
        PotentialRef ref = GpawSettingsFile.write(file, "test", Map.of(), List.of("Al"));
        Files.writeString(file, Files.readString(file).replace("400", "401"));
        NativeCodeException e = assertThrows(NativeCodeException.class, () -> GpawSettingsFile.read(ref));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(ref.sha256()),
                e.getMessage());
    }
}
