package org.matscreen.potential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.util.Hashing;

class ZhouEamGeneratorTest {
    private final ZhouEamGenerator generator = new ZhouEamGenerator();

    @Test
    void campaignGridFollowsTheCreateFConventions() {
        // Cu-Ta: rc = sqrt(5)·r_e(Ta) = 2.2360680·2.860082; rho_max = f_Ta(0.5 A) = 129.4368 (> 2·33.787 and 100)
        SetflGrid g = generator.campaignGrid(List.of("Ta", "Cu"));
        assertEquals(2000, g.nR());
        assertEquals(2000, g.nRho());
        assertEquals(Math.sqrt(5) * 2.860082, g.cutoffAngstrom(), 1e-12);
        assertEquals(g.cutoffAngstrom() / 1999, g.dRAngstrom(), 1e-15);
        assertEquals(129.43678377183025 / 1999, g.dRho(), 1e-13);
        // Mg alone: f(0.5 A) = 52.5 and 2·rho_e = 14.3, so the floor of 100 applies
        assertEquals(100.0 / 1999, generator.campaignGrid(List.of("Mg")).dRho(), 1e-15);
    }

    @Test
    void everyFileOfACampaignSharesTheCampaignGrid(@TempDir Path cache) {
        List<String> campaign = List.of("Ni", "Co", "Cr", "Pb");
        SetflGrid expected = generator.campaignGrid(campaign);
        for (List<String> subset : List.of(List.of("Ni"), List.of("Co", "Cr"), List.of("Ni", "Co", "Cr"))) {
            GeneratedPotential p = generator.generate(subset, campaign, cache);
            assertEquals(expected, p.grid(), subset.toString());
            assertEquals(expected, SetflReader.read(p.path()).grid(), subset.toString());
        }
        // Pb has the largest r_e of the four, so the Ni file's cut-off is sqrt(5)·r_e(Pb), not sqrt(5)·r_e(Ni).
        assertEquals(Math.sqrt(5) * 3.499723, expected.cutoffAngstrom(), 1e-12);
        assertNotEquals(generator.campaignGrid(List.of("Ni")), expected);
    }

    @Test
    void subsetTablesEqualTheSameRowsOfTheFullCampaignFile(@TempDir Path cache) {
        List<String> campaign = List.of("Fe", "Ni", "Cr");
        SetflFile full = SetflReader.read(generator.generate(campaign, campaign, cache).path());
        SetflFile sub = SetflReader.read(generator.generate(List.of("Ni", "Fe"), campaign, cache).path());
        assertEquals(List.of("Cr", "Fe", "Ni"), full.symbols());
        assertEquals(List.of("Fe", "Ni"), sub.symbols());
        assertArrayEquals(full.elements().get(1).embeddingEv(), sub.elements().get(0).embeddingEv());
        assertArrayEquals(full.elements().get(2).density(), sub.elements().get(1).density());
        assertArrayEquals(full.pairTable(2, 1), sub.pairTable(1, 0));
    }

    @Test
    void fileIsNamedSafelyAndDescribesItself(@TempDir Path cache) throws Exception {
        GeneratedPotential p = generator.generate(List.of("Ta", "Cu", "Cu"), List.of("Cu", "Ta", "W"), cache);
        assertEquals(List.of("Cu", "Ta"), p.elements());
        assertTrue(p.name().matches("[A-Za-z0-9._-]+"), p.name());
        assertTrue(p.name().startsWith("Zhou04_CuTa_") && p.name().endsWith(".eam.alloy"), p.name());
        assertTrue(p.name().contains(p.contentKey().substring(0, 16)));
        List<String> head = Files.readAllLines(p.path(), StandardCharsets.UTF_8).subList(0, 4);
        assertTrue(head.get(0).contains("ZhouEamGenerator") && head.get(0).contains("144113"), head.get(0));
        assertTrue(head.get(1).contains("mixing rule") && head.get(1).contains("not fitted"), head.get(1));
        assertTrue(head.get(1).contains("campaign elements Cu Ta W"), head.get(1));
        assertEquals("content-key sha256:" + p.contentKey(), head.get(2));
        assertEquals("2 Cu Ta", head.get(3));

        PotentialRef ref = p.toPotentialRef();
        assertEquals(p.name(), ref.name());
        assertEquals(p.path().toString(), ref.path());
        assertTrue(Path.of(ref.path()).isAbsolute());
        assertEquals(Hashing.sha256Hex(p.path()), ref.sha256());
        assertEquals("eam/alloy", ref.pairStyle());
        assertEquals(List.of("Cu", "Ta"), ref.elements());
        assertTrue(ref.citation().contains("Phys. Rev. B 69, 144113") && ref.citation().contains("not fitted"));
        assertTrue(generator.generate(List.of("Cr"), List.of("Cr"), cache).toPotentialRef().citation()
                .contains("214108"));
    }

    @Test
    void cachedFileIsReusedAndTheKeyTracksEveryInput(@TempDir Path cache) throws Exception {
        GeneratedPotential first = generator.generate(List.of("Cu", "Ni"), List.of("Cu", "Ni"), cache);
        FileTime stamp = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(first.path(), stamp);
        GeneratedPotential again = generator.generate(List.of("Ni", "Cu"), List.of("Ni", "Cu"), cache);
        assertEquals(first, again);
        assertEquals(stamp, Files.getLastModifiedTime(again.path()), "a cache hit must not rewrite the file");

        GeneratedPotential widerCampaign = generator.generate(List.of("Cu", "Ni"), List.of("Cu", "Ni", "Pb"), cache);
        assertNotEquals(first.contentKey(), widerCampaign.contentKey());
        assertNotEquals(first.path(), widerCampaign.path());
        SetflGrid g = first.grid();
        GeneratedPotential explicit = generator.generate(List.of("Cu", "Ni"),
                new SetflGrid(g.nRho(), g.dRho(), g.nR(), g.dRAngstrom(), Math.nextUp(g.cutoffAngstrom())), cache);
        assertNotEquals(first.contentKey(), explicit.contentKey());
    }

    @Test
    void aForeignOrDamagedFileUnderTheCacheNameIsReplaced(@TempDir Path cache) throws Exception {
        GeneratedPotential good = generator.generate(List.of("Al"), List.of("Al"), cache);
        Files.writeString(good.path(), "not a potential\n");
        GeneratedPotential again = generator.generate(List.of("Al"), List.of("Al"), cache);
        assertEquals(good.sha256(), again.sha256());
        assertEquals(good.sha256(), Hashing.sha256Hex(again.path()));
    }

    @Test
    void concurrentGeneratorsOfTheSameFileAllSeeOneCompleteFile(@TempDir Path cache) throws Exception {
        List<String> campaign = List.of("Cu", "Ag", "Au");
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<GeneratedPotential>> jobs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // A generator per job: nothing is shared but the directory, as between processes.
                jobs.add(() -> new ZhouEamGenerator().generate(campaign, campaign, cache));
            }
            List<String> hashes = new ArrayList<>();
            for (Future<GeneratedPotential> f : pool.invokeAll(jobs)) {
                hashes.add(f.get().sha256());
            }
            assertEquals(1, hashes.stream().distinct().count(), hashes.toString());
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> files = Files.list(cache)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), "temporary files left behind: " + all);
            assertEquals(List.of("Ag", "Au", "Cu"), SetflReader.read(all.get(0)).symbols());
        }
    }

    @Test
    void badRequestsAreInputErrors(@TempDir Path cache) {
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> generator.generate(List.of("Cu", "Xe"), List.of("Cu", "Xe"), cache));
        assertTrue(unknown.reason().contains("Cu Ag Au Ni Pd Pt Al Pb Fe Mo Ta W Mg Co Ti Zr Cr"), unknown.reason());

        InvalidInputException outside = assertThrows(InvalidInputException.class,
                () -> generator.generate(List.of("Cu", "W"), List.of("Cu", "Ni"), cache));
        assertTrue(outside.reason().contains("campaign"), outside.reason());

        assertThrows(InvalidInputException.class, () -> generator.generate(List.of(), List.of("Cu"), cache));
        assertThrows(InvalidInputException.class, () -> generator.campaignGrid(List.of("Cu", "Tc")));

        InvalidInputException unsafe = assertThrows(InvalidInputException.class,
                () -> generator.generate(List.of("Cu"), List.of("Cu"), cache.resolve("with space")));
        assertTrue(unsafe.reason().contains("unsafe"), unsafe.reason());
    }
}
