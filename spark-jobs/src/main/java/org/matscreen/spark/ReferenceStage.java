package org.matscreen.spark;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.properties.ReferenceEnergies;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.SimulationSession;
import org.matscreen.core.sim.Status;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.structure.Supercell;
import org.matscreen.core.structure.SupercellBuilder;
import org.matscreen.lammps.potential.SetflHeader;

/**
 * Computes the pure-element references of a campaign as a small Spark stage (elements × {fcc, bcc, hcp}), through
 * the same pooled workers as the candidates, so it runs wherever the job runs. Every prototype is computed for every
 * element, because formation enthalpies need each element's ground state under this potential, which need not be the
 * prototype the campaign screens.
 */
final class ReferenceStage {
    /** Cells for the references: big enough for any EAM cut-off to see many shells, small enough to be instant. */
    static final Map<Prototype, Supercell> CELLS = Map.of(Prototype.FCC, new Supercell(3, 3, 3), Prototype.BCC,
            new Supercell(4, 4, 4), Prototype.HCP, new Supercell(3, 2, 2));

    private ReferenceStage() {}

    /** Settings key the references are cached under: relaxation tolerances and reference cells. */
    static String settingsKey(JobContext ctx) {
        return ctx.method().relax().key() + "|cells=fcc" + CELLS.get(Prototype.FCC).key() + ",bcc"
                + CELLS.get(Prototype.BCC).key() + ",hcp" + CELLS.get(Prototype.HCP).key();
    }

    static ReferenceEnergies compute(JavaSparkContext sc, Broadcast<JobContext> ctx, List<String> elements) {
        JobContext c = ctx.value();
        List<ReferenceTask> tasks = tasks(c, elements);
        List<ReferenceResult> results = sc.parallelize(tasks, Math.min(tasks.size(), sc.defaultParallelism()))
                .mapPartitions(new Compute(ctx)).collect();
        List<ReferenceEnergies.Entry> entries = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (ReferenceResult r : results) {
            if (r.ok()) {
                entries.add(new ReferenceEnergies.Entry(r.element(), r.prototype(), r.energyPerAtomEv(),
                        r.volumePerAtomA3()));
            } else {
                failures.add(r.element() + " " + r.prototype().key() + ": " + r.error());
            }
        }
        ReferenceEnergies refs = new ReferenceEnergies(c.method().potential().sha256(), entries);
        for (String el : elements) {
            for (Prototype p : c.structure().prototypes()) {
                if (refs.find(el, p).isEmpty()) {
                    throw new MatscreenException("the reference calculation of pure " + el + " in " + p.key()
                            + " failed, so no candidate can be started or referenced: " + String.join("; ", failures));
                }
            }
        }
        return refs;
    }

    /** Starting lattice parameters from the potential file's own element lines (lattice constant and type). */
    static List<ReferenceTask> tasks(JobContext c, List<String> elements) {
        java.nio.file.Path file = java.nio.file.Path.of(c.method().potential().path());
        SetflHeader h = SetflHeader.read(file, file.toString(), "");
        Map<String, Double> volume = new TreeMap<>();
        for (SetflHeader.ElementLine line : SetflHeader.elementLines(file, h)) {
            Prototype p = switch (line.lattice()) {
                case "bcc" -> Prototype.BCC;
                case "hcp" -> Prototype.HCP;
                default -> Prototype.FCC; // fcc, or a type matscreen does not build: any guess relaxes
            };
            double a = line.latticeAngstrom() > 0.5 ? line.latticeAngstrom() : 3.6;
            // An hcp 'a' in a setfl line is the basal constant; the prototype converts it to a volume.
            volume.put(line.element(), p.volumePerAtom(a));
        }
        List<ReferenceTask> tasks = new ArrayList<>();
        for (String el : elements) {
            double v = volume.getOrDefault(el, Prototype.FCC.volumePerAtom(3.6));
            for (Prototype p : EnumSet.allOf(Prototype.class)) {
                tasks.add(new ReferenceTask(el, p, p.latticeParameterForVolume(v)));
            }
        }
        return tasks;
    }

    /** Executor side. */
    static final class Compute implements FlatMapFunction<Iterator<ReferenceTask>, ReferenceResult> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<JobContext> ctx;

        Compute(Broadcast<JobContext> ctx) {
            this.ctx = ctx;
        }

        @Override
        public Iterator<ReferenceResult> call(Iterator<ReferenceTask> tasks) {
            JobContext c = ctx.value();
            List<ReferenceResult> out = new ArrayList<>();
            try (SimulationSession session = Sessions.open(c)) {
                while (tasks.hasNext()) {
                    ReferenceTask t = tasks.next();
                    StructureRecipe recipe = StructureRecipe.random(t.prototype(), CELLS.get(t.prototype()), 0);
                    var built = SupercellBuilder.build(org.matscreen.core.composition.Composition.of(
                            Map.of(t.element(), 1)), recipe, t.latticeGuessAngstrom(), 0);
                    CalculationOutcome o = session.compute(new CalculationRequest("reference-" + t.element() + "-"
                            + t.prototype().key(), built.structure(), c.method().potential(), c.method().relax(),
                            PropertySettings.NONE, c.timeoutSeconds()));
                    if (o.status() == Status.OK) {
                        out.add(new ReferenceResult(t.element(), t.prototype(), true, o.energyPerAtomEv(),
                                o.relaxed().volumePerAtom(), ""));
                    } else {
                        out.add(new ReferenceResult(t.element(), t.prototype(), false, Double.NaN, Double.NaN,
                                o.status().key() + ": " + o.errorText()));
                    }
                }
            }
            return out.iterator();
        }
    }

}
