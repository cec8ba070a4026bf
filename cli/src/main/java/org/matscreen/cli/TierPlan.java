package org.matscreen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.matscreen.core.campaign.CampaignChecks;
import org.matscreen.core.campaign.TierSpec;
import org.matscreen.core.sim.ModelLookup;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.SimulationCode;
import org.matscreen.core.sim.SimulationCodes;
import org.matscreen.core.structure.GroundStates;
import org.matscreen.core.structure.Lattice;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.Supercell;

/**
 * {@code plan}'s estimate of a campaign's later tiers, before the first tier has ranked anything: each tier computes
 * at most its {@code top} compositions in each of the campaign's prototypes, in the cells a composition of the first
 * tier's grid needs, plus its own pure-element references. Costs are the tier code's prior
 * ({@link SimulationCode#priorSeconds}); the cells' elements are the campaign's, so a magnetic element makes the
 * estimate spin-polarised.
 */
final class TierPlan {
    private TierPlan() {}

    /**
     * @param repo the campaign's repository: a tier that has run there shows its measured mean seconds per candidate
     *     beside the prior
     */
    static void print(PrintWriter o, PreparedCampaign first, int cores, MatscreenConfig config, Path modelCache,
            String repo) {
        var spec = first.spec();
        List<String> elements = first.space().elementsUsed();
        int multiple = CampaignChecks.siteMultiple(spec.space());
        for (TierSpec t : spec.tiers()) {
            SimulationCode code = SimulationCodes.get(t.method().code());
            var source = code.models(t.method(), first.space().systems(), new ModelLookup(
                    PreparedCampaign.registry(config).directories(), modelCache, spec.source())).get(0);
            PotentialRef model = source.fileFor(elements);
            java.util.Map<String, double[]> measured = measured(repo, t.name());
            int perSession = code.capabilities().coresPerSession();
            o.printf(Locale.ROOT, "tier %s: %s (%s) on the top %d of the previous tier, in %s: at most %d"
                    + " candidates%n", t.name(), code.name(), source.spec().name(), t.top(), String.join(", ",
                    spec.structure().prototypes().stream().map(Prototype::key).toList()),
                    t.top() * spec.structure().prototypes().size());
            double candidateSeconds = 0;
            for (Prototype p : spec.structure().prototypes()) {
                Supercell c = Supercell.smallest(p, multiple, t.minAtoms(), t.maxAtoms());
                if (c == null) {
                    o.printf(Locale.ROOT, "  %s: no cell of %d to %d atoms holds every composition of the grid (a"
                            + " multiple of %d sites); picks that none holds are skipped%n", p.key(), t.minAtoms(),
                            t.maxAtoms(), multiple);
                    continue;
                }
                int n = c.sites(p);
                double v = elements.stream().mapToDouble(GroundStates::volumePerAtomA3).average()
                        .orElse(GroundStates.UNKNOWN_VOLUME_A3);
                Lattice cell = p.conventionalCell(p.latticeParameterForVolume(v)).repeated(c.na(), c.nb(), c.nc());
                List<String> species = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    species.add(elements.get(i % elements.size()));
                }
                double s = code.priorSeconds(model, cell, species, t.method().relax(), t.method().properties());
                double[] m = measured.get(p.key());
                o.printf(Locale.ROOT, "  per candidate, %s %s (%d atoms, sqs): %s%s%n", p.key(), c.key(), n,
                        Double.isNaN(s) ? "no prior from " + code.name() : PlanCommand.duration(s) + " (prior)",
                        m == null ? "" : String.format(Locale.ROOT, "; measured %s (mean of %d computed in %s)",
                                PlanCommand.duration(m[0]), (int) m[1], "tiers/" + t.name()));
                candidateSeconds += Double.isNaN(s) ? 0 : t.top() * s;
            }
            double refSeconds = 0;
            PropertySettings noScan = new PropertySettings(false, t.method().properties().eosPoints(),
                    t.method().properties().eosMaxVolumeStrain(), false, t.method().properties().elasticStrain());
            for (String el : elements) {
                for (GroundStates.GroundState cell : GroundStates.referenceCells(el)) {
                    Prototype p = cell.prototype();
                    double s = code.priorSeconds(model, p.conventionalCell(cell.aAngstrom()),
                            java.util.Collections.nCopies(p.atomsPerCell(), el), t.method().relax(), noScan);
                    refSeconds += Double.isNaN(s) ? 0 : s;
                }
            }
            double coreHours = (candidateSeconds + refSeconds) * perSession / 3600;
            int sessions = Math.max(1, cores / perSession);
            o.printf(Locale.ROOT, "  references %s; all: %.3g core-hours, about %s on %d cores (%d session(s) of %d"
                    + " core(s)) by the prior (DFT: k-points x atoms^2, DftCostModel)%n",
                    PlanCommand.duration(refSeconds), coreHours, PlanCommand.duration((candidateSeconds + refSeconds)
                    / Math.min(sessions, Math.max(1, t.top() * spec.structure().prototypes().size()))), cores,
                    sessions, perSession);
        }
    }

    /** Mean seconds per prototype of the tier's computed records, if it has run in {@code repo}. */
    private static java.util.Map<String, double[]> measured(String repo, String tier) {
        var root = new org.matscreen.repository.RepositoryLayout(repo, new org.apache.hadoop.conf.Configuration());
        var layout = new org.matscreen.repository.RepositoryLayout(root.tier(tier).toString(), root.conf());
        try {
            return layout.fs().exists(layout.data()) ? new org.matscreen.repository.ResultReader(layout)
                    .meanSecondsByPrototype() : java.util.Map.of();
        } catch (java.io.IOException e) {
            return java.util.Map.of();
        }
    }
}
