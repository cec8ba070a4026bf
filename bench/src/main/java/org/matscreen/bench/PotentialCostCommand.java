package org.matscreen.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.plan.PotentialCostClass;
import org.matscreen.core.properties.PropertyRegistry;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxMode;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Status;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.structure.Supercell;
import org.matscreen.core.structure.SupercellBuilder;
import org.matscreen.core.util.Hashing;
import org.matscreen.kim.KimModels;
import org.matscreen.lammps.worker.WorkerConfig;
import org.matscreen.worker.WorkerProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Cost per potential kind (issue 14): the same relaxation protocol on one worker with an EAM file in LAMMPS' own
 * {@code eam/alloy} and with KIM models of the kinds the shipped campaigns use (EAM, MEAM, SNAP). Each kind relaxes
 * random equiatomic binary cells (differently seeded). The cost model's prior scales with native seconds per atom of
 * a whole relaxation (its ratio to eam/alloy is the cost class); seconds per atom and minimiser iteration separate the
 * price of one step from the number of steps a potential's energy landscape takes.
 */
@Command(name = "potentials", header = "Measure the cost per atom of each potential kind on one worker.")
final class PotentialCostCommand implements Callable<Integer> {
    @Option(names = "--lib", required = true)
    Path lib;

    @Option(names = "--work", required = true, description = "folder for the worker's files")
    Path work;

    @Option(names = "--candidates", defaultValue = "5", description = "cells relaxed per kind")
    int candidates;

    @Option(names = "--out", required = true, description = "facts file")
    Path out;

    /** One measured kind: a name for the table, the potential, and the alloy relaxed with it. */
    private record Kind(String key, String label, PotentialCostClass costClass, PotentialRef potential,
            String formula, Prototype prototype, Supercell supercell, double a) {}

    @Override
    public Integer call() {
        Path cuNi = Path.of("/usr/share/lammps/potentials/CuNi.eam.alloy");
        List<Kind> kinds = List.of(
                new Kind("eam", "EAM, eam/alloy file (Onat-Durukanoglu Cu-Ni)", PotentialCostClass.EAM,
                        new PotentialRef("CuNi.eam.alloy", cuNi.toString(), Hashing.sha256Hex(cuNi), "eam/alloy",
                                List.of("Ni", "Cu"), "Onat and Durukanoglu (2014)"),
                        "Cu0.5Ni0.5", Prototype.FCC, new Supercell(3, 3, 3), 3.57),
                new Kind("kim_eam", "EAM through KIM (Mishin 2004 Ni-Al)", PotentialCostClass.KIM_EAM,
                        kim("EAM_Dynamo_Mishin_2004_NiAl__MO_101214310689_005"), "Ni0.75Al0.25", Prototype.FCC,
                        new Supercell(3, 3, 3), 3.57),
                new Kind("meam", "MEAM through KIM (Choi 2018 Co-Cr-Fe-Mn-Ni)", PotentialCostClass.MEAM,
                        kim("MEAM_LAMMPS_ChoiJoSohn_2018_CoNiCrFeMn__MO_115454747503_000"), "Co0.5Ni0.5",
                        Prototype.FCC, new Supercell(3, 3, 3), 3.53),
                new Kind("snap", "SNAP through KIM (Li 2019 Nb-Mo-Ta-W)", PotentialCostClass.SNAP,
                        kim("SNAP_LiChenZheng_2019_NbTaWMo__MO_560387080449_000"), "Mo0.5Nb0.5", Prototype.BCC,
                        new Supercell(3, 3, 3), 3.25));
        Facts f = new Facts();
        f.put("potentials.candidates", candidates);
        try (WorkerProcess w = WorkerProcess.start(WorkerConfig.forLibrary(lib, work))) {
            for (Kind k : kinds) {
                compute(w, k, -1); // warm-up: loads the model and its driver once
                double[] perAtomIteration = new double[candidates];
                double[] perAtom = new double[candidates];
                double[] nativeSeconds = new double[candidates];
                double[] iterations = new double[candidates];
                for (int i = 0; i < candidates; i++) {
                    CalculationOutcome o = compute(w, k, i);
                    nativeSeconds[i] = o.nativeSeconds();
                    iterations[i] = o.relaxation().iterations();
                    perAtom[i] = o.nativeSeconds() / o.relaxed().siteCount();
                    perAtomIteration[i] = perAtom[i] / Math.max(1, o.relaxation().iterations());
                }
                f.put("potentials." + k.key() + ".label", k.label())
                        .put("potentials." + k.key() + ".atoms", k.supercell().sites(k.prototype()))
                        .put("potentials." + k.key() + ".native_median_s", Stats.median(nativeSeconds))
                        .put("potentials." + k.key() + ".iterations_median", Stats.median(iterations))
                        .put("potentials." + k.key() + ".ms_per_atom", Stats.median(perAtom) * 1e3)
                        .put("potentials." + k.key() + ".us_per_atom_iteration", Stats.median(perAtomIteration) * 1e6)
                        .put("potentials." + k.key() + ".prior_factor", k.costClass().relativeCost());
            }
        }
        f.write(out);
        return 0;
    }

    private static PotentialRef kim(String id) {
        return KimModels.standard().resolve("kim:" + id, "bench", "potential").toPotentialRef();
    }

    private static CalculationOutcome compute(WorkerProcess w, Kind k, int seed) {
        StructureRecipe r = StructureRecipe.random(k.prototype(), k.supercell(), 0.0);
        var s = SupercellBuilder.build(Composition.parse(k.formula()), r, k.a(), 1000L + seed).structure();
        // one free relaxation, as before relaxation modes existed, so the measured costs stay comparable
        CalculationOutcome o = w.compute(PropertyRegistry.request("bench-" + k.key() + "-" + seed, s, k.prototype(),
                k.potential(), RelaxSettings.DEFAULT.withMode(RelaxMode.FREE), PropertySettings.NONE, 600));
        if (o.status() != Status.OK) {
            throw new IllegalStateException(k.label() + " came back " + o.status() + ": " + o.errorText());
        }
        return o;
    }
}
