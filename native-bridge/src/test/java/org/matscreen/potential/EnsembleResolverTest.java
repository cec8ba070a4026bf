package org.matscreen.potential;

import org.matscreen.core.sim.PotentialSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.campaign.MethodSpec;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxSettings;

/** The members of an ensemble of potentials resolved in order, each checked, errors naming the member. */
class EnsembleResolverTest {

    static MethodSpec ensemble(String... members) {
        return new MethodSpec("lammps", "", Map.of(), List.of(members), RelaxSettings.DEFAULT,
                PropertySettings.DEFAULT, 60);
    }

    static PotentialResolver resolver(Path dir) {
        // the KIM API is never asked in these cases: a hostile id is refused before it
        return new PotentialResolver(new PotentialRegistry(List.of(dir)), dir.resolve("cache"),
                () -> { throw new AssertionError("the KIM API was asked"); });
    }

    @Test
    void everyMemberIsResolvedInCampaignOrder(@TempDir Path dir) throws IOException {
        PotentialRegistryTest.tinySetfl(dir, "CuNi.eam.alloy");
        List<PotentialSource> members = resolver(dir).resolveAll(ensemble("zhou2004", "CuNi.eam.alloy"),
                List.of(List.of("Cu"), List.of("Cu", "Ni")), "e.yaml");
        assertEquals(2, members.size());
        assertInstanceOf(ZhouPotentialSource.class, members.get(0));
        assertInstanceOf(FilePotentialSource.class, members.get(1));
        assertEquals("CuNi.eam.alloy", members.get(1).spec().name());
        // a single potential resolves as before, as a list of one
        assertEquals(1, resolver(dir).resolveAll(ensemble("zhou2004", "CuNi.eam.alloy").member("CuNi.eam.alloy"),
                List.of(List.of("Cu", "Ni")), "e.yaml").size());
    }

    @Test
    void aMemberThatDoesNotCoverTheElementsIsNamed(@TempDir Path dir) throws IOException {
        PotentialRegistryTest.tinySetfl(dir, "CuNi.eam.alloy");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> resolver(dir).resolveAll(
                ensemble("zhou2004", "CuNi.eam.alloy"), List.of(List.of("Al", "Cu")), "e.yaml"));
        assertEquals("method.potential[1]", e.field());
        assertTrue(e.reason().contains("CuNi.eam.alloy covers [Cu, Ni]") && e.reason().contains("[Al]"),
                e.reason());
        InvalidInputException zhou = assertThrows(InvalidInputException.class, () -> resolver(dir).resolveAll(
                ensemble("CuNi.eam.alloy", "zhou2004"), List.of(List.of("Cu", "Nb")), "e.yaml"));
        assertEquals("method.potential[0]", zhou.field(), "the first member is checked first");
    }

    @Test
    void theSamePotentialUnderTwoNamesIsRefused(@TempDir Path dir) throws IOException {
        Path file = PotentialRegistryTest.tinySetfl(dir, "CuNi.eam.alloy");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> resolver(dir).resolveAll(
                ensemble("CuNi.eam.alloy", "zhou2004", file.toString()), List.of(List.of("Cu", "Ni")), "e.yaml"));
        assertEquals("method.potential[2]", e.field());
        assertTrue(e.reason().contains("same potential as member [0] CuNi.eam.alloy"), e.reason());
    }

    @Test
    void aHostileKimMemberIsRefusedBeforeTheKimApi(@TempDir Path dir) throws IOException {
        PotentialRegistryTest.tinySetfl(dir, "CuNi.eam.alloy");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> resolver(dir).resolveAll(
                ensemble("CuNi.eam.alloy", "kim:../../etc/passwd"), List.of(List.of("Cu", "Ni")), "e.yaml"));
        assertEquals("method.potential[1]", e.field());
    }
}
