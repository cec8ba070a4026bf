package org.matscreen.optimade.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.properties.CandidateProperties;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.result.MethodInfo;
import org.matscreen.core.result.Provenance;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PotentialSpec;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.Relaxation;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Status;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.structure.Supercell;
import org.matscreen.core.structure.SupercellBuilder;
import org.matscreen.core.util.Hashing;
import org.matscreen.repository.ChunkWriter;
import org.matscreen.repository.RepositoryLayout;

/**
 * A repository of synthetic but schema-complete records for the benchmark: 1- to 5-element alloys of 14 elements in
 * 32-site fcc or bcc cells (exact compositions), random relaxed-looking coordinates, properties and descriptors with
 * plausible ranges, 2 % crashed calculations, and a visibility mix of 60 % public, 25 % consortium, 10 % running
 * embargoes of four groups and 5 % ended embargoes. Written in chunk files of one chemical system each, like a
 * campaign's commits. Deterministic for a given seed.
 */
final class SyntheticRepository {
    static final String[] ELEMENTS = {"Al", "Co", "Cr", "Cu", "Fe", "Hf", "Mn", "Mo", "Nb", "Ni", "Ta", "Ti", "V",
        "W"};
    static final String[] GROUPS = {"lab-a", "lab-b", "lab-c", "lab-d"};
    private static final PotentialRef POTENTIAL = new PotentialRef("Zhou04.eam.alloy",
            "/opt/matscreen/potentials/Zhou04.eam.alloy", "5a".repeat(32), "eam/alloy", List.of(ELEMENTS),
            "X. W. Zhou, R. A. Johnson, H. N. G. Wadley, Phys. Rev. B 69, 144113 (2004)");
    private static final MethodInfo METHOD = new MethodInfo("lammps", PotentialSpec.of(POTENTIAL),
            RelaxSettings.DEFAULT, PropertySettings.DEFAULT);

    private SyntheticRepository() {}

    /** Writes the repository only: {@code <dir> [records] [records per chunk]}. */
    public static void main(String[] args) throws Exception {
        ensure(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000,
                args.length > 2 ? Integer.parseInt(args[2]) : 200, 42, System.err::println);
    }

    /** Writes {@code records} records in chunks of {@code perChunk} into {@code dir}, unless it already holds them. */
    static RepositoryLayout ensure(Path dir, int records, int perChunk, long seed, java.util.function.Consumer<String>
            progress) throws Exception {
        Path marker = dir.resolve("SYNTHETIC-" + records + "-" + perChunk + "-" + seed);
        RepositoryLayout layout = new RepositoryLayout(dir.toString(), new Configuration());
        if (Files.exists(marker)) {
            return layout;
        }
        if (Files.exists(dir.resolve("data"))) {
            throw new IllegalStateException(dir + " holds another repository; remove it or choose another folder");
        }
        Files.createDirectories(dir);
        ChunkWriter writer = new ChunkWriter(layout);
        Random random = new Random(seed);
        long t0 = System.nanoTime();
        for (int done = 0; done < records; ) {
            int k = 1 + random.nextInt(5);
            List<String> system = pick(random, k);
            int n = Math.min(perChunk, records - done);
            List<CandidateResult> batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                batch.add(record(random, system, done + i));
            }
            writer.commit(batch);
            done += n;
            if (done % 50_000 < perChunk) {
                progress.accept(String.format(Locale.ROOT, "generated %d of %d records, %.0f s", done, records,
                        (System.nanoTime() - t0) / 1e9));
            }
        }
        Files.writeString(marker, "synthetic benchmark repository\n");
        return layout;
    }

    private static List<String> pick(Random random, int k) {
        List<String> all = new ArrayList<>(List.of(ELEMENTS));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(all.remove(random.nextInt(all.size())));
        }
        out.sort(String::compareTo);
        return out;
    }

    static CandidateResult record(Random random, List<String> system, long index) {
        int sites = 32;
        int[] counts = new int[system.size()];
        Arrays.fill(counts, 1);
        for (int left = sites - system.size(); left > 0; left--) {
            counts[random.nextInt(counts.length)]++;
        }
        Composition c = Composition.ofCounts(system, counts);
        boolean bcc = random.nextBoolean();
        StructureRecipe recipe = StructureRecipe.random(bcc ? Prototype.BCC : Prototype.FCC,
                bcc ? new Supercell(4, 2, 2) : new Supercell(2, 2, 2), 0);
        double a = bcc ? 3.0 + random.nextDouble() * 0.3 : 3.5 + random.nextDouble() * 0.4;
        String id = Hashing.sha256Hex(system + ":" + index);
        long finished = 1_735_689_600_000L + (long) (random.nextDouble() * 500 * 86_400_000L); // 2025-01-01 + 500 d
        double roll = random.nextDouble();
        Visibility v = roll < 0.60 ? Visibility.PUBLIC
                : roll < 0.85 ? new Visibility(Visibility.Level.CONSORTIUM, null, GROUPS[random.nextInt(4)])
                : roll < 0.95 ? new Visibility(Visibility.Level.EMBARGOED, LocalDate.of(2027, 6, 30),
                        GROUPS[random.nextInt(4)])
                : new Visibility(Visibility.Level.EMBARGOED, LocalDate.of(2025, 12, 31), GROUPS[random.nextInt(4)]);
        Provenance pv = new Provenance("0.1.0", "bench", "LAMMPS 29 Sep 2021", "node" + random.nextInt(64),
                finished - 30_000, finished, 30, 28, Provenance.COMPUTED);
        if (random.nextDouble() < 0.02) {
            return new CandidateResult(id, "bench", index, c.normalized(), c, recipe, a, Status.CRASHED,
                    "ERROR: Lost atoms (synthetic)", null, null, null, null, null, null, Map.of(), null, METHOD,
                    POTENTIAL, pv, v);
        }
        var structure = SupercellBuilder.build(c, recipe, a, index).structure();
        double[] f = structure.fractionalCoordinates();
        for (int i = 0; i < f.length; i++) {
            f[i] += (random.nextDouble() - 0.5) * 0.01; // relaxed positions move off the ideal sites
        }
        double dh = (random.nextDouble() - 0.5) * 0.3;
        double bulk = 100 + random.nextDouble() * 150;
        CandidateProperties p = CandidateProperties.builder()
                .put("energy_per_atom_ev", -4 - random.nextDouble() * 4)
                .put("volume_per_atom_a3", 10 + random.nextDouble() * 8)
                .put("lattice_a_angstrom", a)
                .put("lattice_b_angstrom", a)
                .put("lattice_c_angstrom", a)
                .put("lattice_parameter_angstrom", a)
                .put("dh_mix_ev_per_atom", dh)
                .put("dh_form_ev_per_atom", dh + 0.01)
                .put("density_g_per_cm3", 5 + random.nextDouble() * 12)
                .put("bulk_modulus_gpa", bulk)
                .put("bulk_modulus_prime", 4 + random.nextDouble())
                .put("eos_rms_residual_ev_per_atom", 1e-6)
                .put("c11_gpa", bulk * 1.3)
                .put("c12_gpa", bulk * 0.8)
                .put("c44_gpa", bulk * 0.5)
                .put("elastic_symmetry_deviation_gpa", random.nextDouble())
                .put("shear_modulus_gpa", bulk * 0.4)
                .put("pugh_ratio", 2 + random.nextDouble())
                .build();
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("vec", 4 + random.nextDouble() * 7);
        d.put("delta_pct", random.nextDouble() * 8);
        d.put("hhi_production", 800 + random.nextDouble() * 4200);
        d.put("hhi_reserves", 800 + random.nextDouble() * 4200);
        d.put("price_usd_per_kg", 1 + random.nextDouble() * 80);
        d.put("omega", random.nextDouble() * 10);
        return new CandidateResult(id, "bench", index, c.normalized(), c, recipe, a, Status.OK, "",
                structure.withFractionalCoordinates(f), p,
                new Relaxation(true, 1, 200 + random.nextInt(800), "force tolerance", 0, 1e-7, 0.05), null, null,
                null, d, null, METHOD, POTENTIAL, pv, v);
    }
}
