package org.matscreen.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.descriptors.DescriptorCalculator;
import org.matscreen.core.descriptors.Descriptors;
import org.matscreen.core.properties.CandidateProperties;
import org.matscreen.core.properties.RecordFlag;
import org.matscreen.core.result.CandidateIds;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.result.Provenance;
import org.matscreen.core.screening.Metrics;
import org.matscreen.core.sim.Relaxation;
import org.matscreen.core.sim.Status;
import org.matscreen.core.sim.StrainStress;
import org.matscreen.core.structure.AtomCounts;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.structure.Supercell;
import org.matscreen.core.structure.SupercellBuilder;

/**
 * A campaign's worth of realistic records without LAMMPS: every composition of a grid over the given elements (all
 * subsystems, system by system as a campaign enumerates them) in fcc 2×2×2 and bcc 3×3×3 cells, with real content-hash
 * ids, real starting structures, real composition descriptors, smooth made-up properties, and some failures (every
 * 37th candidate crashed, every 53rd timed out) so unknown values occur. Deterministic: the same arguments give the
 * same records. Used by tests and by the query benchmark.
 */
public final class SyntheticRecords {
    public static final String CAMPAIGN = "synthetic-hea";
    private static final DescriptorCalculator DESCRIPTORS = DescriptorCalculator.standard();
    private static final List<StructureRecipe> RECIPES = List.of(
            StructureRecipe.random(Prototype.FCC, new Supercell(2, 2, 2), 0.1),
            StructureRecipe.random(Prototype.BCC, new Supercell(3, 3, 3), 0.1));

    private SyntheticRecords() {}

    /** Number of records {@link #generate} makes: compositions of the grid × 2 prototypes. */
    public static long count(int elements, int steps) {
        long n = 0;
        for (int k = 1; k <= elements; k++) {
            n += binomial(elements, k) * binomial(steps - 1, k - 1);
        }
        return 2 * n;
    }

    /**
     * Calls {@code sink} with each record.
     *
     * @param elements alphabetical element symbols
     * @param steps grid denominator: fractions are multiples of 1/steps, every element of a system at least 1/steps
     */
    public static void generate(List<String> elements, int steps, Consumer<CandidateResult> sink) {
        long[] index = {0};
        for (int k = 1; k <= elements.size(); k++) {
            for (List<String> system : subsets(elements, k)) {
                for (int[] parts : compositions(steps, k)) {
                    Map<String, Double> x = new LinkedHashMap<>();
                    for (int i = 0; i < k; i++) {
                        x.put(system.get(i), (double) parts[i] / steps);
                    }
                    Composition c = Composition.of(x);
                    for (StructureRecipe r : RECIPES) {
                        sink.accept(record(c, r, index[0]++));
                    }
                }
            }
        }
    }

    /** A list of every record (for small grids). */
    public static List<CandidateResult> list(List<String> elements, int steps) {
        List<CandidateResult> out = new ArrayList<>();
        generate(elements, steps, out::add);
        return out;
    }

    static CandidateResult record(Composition c, StructureRecipe recipe, long index) {
        String id = CandidateIds.of(c, recipe, Records.METHOD);
        SplittableRandom rng = new SplittableRandom(CandidateIds.seed(id));
        double a0 = recipe.prototype() == Prototype.FCC ? 3.6 : 2.9;
        var built = SupercellBuilder.build(c, recipe, a0, CandidateIds.seed(id));
        Composition cell = AtomCounts.of(c, recipe.sites()).composition();
        long start = 1_760_000_000_000L + index * 2_000;
        Descriptors d = DESCRIPTORS.compute(c);
        Map<String, Double> descriptors = new HashMap<>();
        for (String key : Metrics.all().keySet()) {
            if (!Metrics.isPropertyMetric(key) && d.isKnown(key)) {
                descriptors.put(key, d.value(key));
            }
        }
        Visibility vis = index % 5 == 0 ? new Visibility(Visibility.Level.EMBARGOED, LocalDate.of(2027, 1, 31), "hea")
                : index % 2 == 0 ? Visibility.PUBLIC : new Visibility(Visibility.Level.CONSORTIUM, null, "hea");
        Status status = index % 37 == 36 ? Status.CRASHED : index % 53 == 52 ? Status.TIMEOUT : Status.OK;
        Provenance pv = new Provenance("0.1.0", "abc1234", "LAMMPS 20210929", "node" + (index % 4), start,
                start + 1_500, 1.5, status == Status.OK ? 1.2 : 0.3, index % 7 == 0 ? "cache:other-campaign"
                        : Provenance.COMPUTED);
        if (status != Status.OK) {
            String error = status == Status.CRASHED ? "ERROR: Lost atoms: original 32 current 31\nLast command: run 0"
                    : "timed out after 120 s";
            return new CandidateResult(id, CAMPAIGN, index, c, cell, recipe, a0, status, error, null, null, null,
                    null, null, null, descriptors, null, Records.METHOD, Records.POT, pv, vis);
        }
        double mix = 0;
        double[] f = c.fractions();
        for (int i = 0; i < f.length; i++) {
            for (int j = i + 1; j < f.length; j++) {
                mix += 4 * f[i] * f[j] * (0.02 * Math.sin(i + 2.0 * j) - 0.01);
            }
        }
        mix += (recipe.prototype() == Prototype.BCC ? 0.015 : 0) + 0.002 * (rng.nextDouble() - 0.5);
        double bulk = 120 + 80 * f[0] + 30 * rng.nextDouble();
        double a = a0 * (1 + 0.01 * (rng.nextDouble() - 0.5));
        var relaxed = built.structure().withLattice(built.structure().lattice().scaled(a / a0));
        // Every 13th record's cell left its prototype and every 17th is mechanically unstable, so reports and
        // rankings meet flagged records.
        boolean transformed = index % 13 == 12;
        boolean unstable = index % 17 == 16;
        CandidateProperties.Builder pb = CandidateProperties.builder()
                .put("energy_per_atom_ev", -4.2 + mix).put("volume_per_atom_a3", relaxed.volumePerAtom())
                .put("lattice_a_angstrom", a).put("lattice_b_angstrom", a).put("lattice_c_angstrom", a)
                .put("lattice_parameter_angstrom", a).put("dh_mix_ev_per_atom", mix)
                .put("dh_form_ev_per_atom", mix - 0.01).put("density_g_per_cm3", relaxed.densityGPerCm3())
                .put("structure_after", transformed ? "other" : recipe.prototype().key())
                .put("prototype_retained", !transformed)
                .put("bulk_modulus_gpa", bulk).put("bulk_modulus_prime", 4.5 + rng.nextDouble())
                .put("eos_rms_residual_ev_per_atom", 1e-5 * rng.nextDouble())
                .put("c11_gpa", bulk + 60).put("c12_gpa", unstable ? bulk + 70 : bulk - 30)
                .put("c44_gpa", 90 + 20 * rng.nextDouble())
                .put("elastic_symmetry_deviation_gpa", 0.5 * rng.nextDouble())
                .put("shear_modulus_gpa", 60 + 20 * rng.nextDouble()).put("pugh_ratio", bulk / 70)
                .put("mechanically_stable", !unstable);
        if (transformed) {
            pb.flag(RecordFlag.TRANSFORMED);
        }
        if (unstable) {
            pb.flag(RecordFlag.MECHANICALLY_UNSTABLE);
        }
        CandidateProperties p = pb.build();
        double[][] plus = new double[6][6];
        double[][] minus = new double[6][6];
        for (int j = 0; j < 6; j++) {
            for (int i = 0; i < 6; i++) {
                plus[j][i] = (i == j ? 1.0 : 0.4) + 0.01 * rng.nextDouble();
                minus[j][i] = -plus[j][i];
            }
        }
        double v0 = relaxed.volumePerAtom();
        double[] vols = {0.97 * v0, 0.985 * v0, v0, 1.015 * v0, 1.03 * v0};
        double[] energies = new double[vols.length];
        for (int i = 0; i < vols.length; i++) {
            energies[i] = -4.2 + mix + 0.5 * Math.pow(vols[i] / v0 - 1, 2);
        }
        return new CandidateResult(id, CAMPAIGN, index, c, cell, recipe, a0, Status.OK, "", relaxed, p,
                new Relaxation(index % 11 != 0, 1 + (int) (index % 3), 150 + (int) (index % 200), "force tolerance",
                        (int) (index % 3), 1e-6 * rng.nextDouble(), 5 * rng.nextDouble()),
                vols, energies, new StrainStress(0.005, plus, minus), descriptors, built.warrenCowley(), Records.METHOD,
                Records.POT, pv, vis);
    }

    private static List<List<String>> subsets(List<String> elements, int k) {
        List<List<String>> out = new ArrayList<>();
        subsets(elements, k, 0, new ArrayList<>(), out);
        return out;
    }

    private static void subsets(List<String> els, int k, int from, List<String> cur, List<List<String>> out) {
        if (cur.size() == k) {
            out.add(List.copyOf(cur));
            return;
        }
        for (int i = from; i < els.size(); i++) {
            cur.add(els.get(i));
            subsets(els, k, i + 1, cur, out);
            cur.remove(cur.size() - 1);
        }
    }

    /** Ways to write {@code total} as {@code k} positive parts, in lexicographic order. */
    private static List<int[]> compositions(int total, int k) {
        List<int[]> out = new ArrayList<>();
        compose(total, k, new int[k], 0, out);
        return out;
    }

    private static void compose(int left, int k, int[] cur, int i, List<int[]> out) {
        if (i == k - 1) {
            cur[i] = left;
            out.add(cur.clone());
            return;
        }
        for (int v = 1; v <= left - (k - 1 - i); v++) {
            cur[i] = v;
            compose(left - v, k, cur, i + 1, out);
        }
    }

    private static long binomial(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        long r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }
}
