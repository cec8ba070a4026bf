package org.matscreen.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.matscreen.core.properties.PropertyRegistry;
import org.matscreen.core.result.CandidateIds;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.Status;
import org.matscreen.core.structure.Structure;
import org.matscreen.core.structure.SupercellBuilder;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;

/**
 * The candidates a matscreen run computed, turned back into the exact requests its executors sent. Every baseline
 * starts from these, so all tools relax the same cells: a record's starting lattice parameter, recipe and id fix its
 * starting cell (the id seeds the site ordering), which is how {@code CandidateEvaluator} builds it.
 */
final class RepositoryCandidates {
    /** Requests carry a timeout; the benchmarks never hit it, they only need a finite one. */
    static final double TIMEOUT_SECONDS = 600;

    /**
     * One candidate as matscreen computed it.
     *
     * @param energyPerAtomEv matscreen's relaxed energy, eV/atom (the correctness reference of every baseline)
     * @param nativeSeconds time inside LAMMPS as the worker measured it, s
     * @param wallSeconds the record's wall time (cell building, protocol, analysis included), s
     * @param minimisations minimisations the relaxation needed (1 + restarts)
     * @param accepted the relaxation met its force and pressure tolerances
     */
    record Computed(long index, String formula, CalculationRequest request, double energyPerAtomEv,
            double nativeSeconds, double wallSeconds, int minimisations, boolean accepted) {}

    private RepositoryCandidates() {}

    /** The OK records of a repository, in candidate order. */
    static List<Computed> read(String repositoryUri) {
        RepositoryLayout layout = new RepositoryLayout(repositoryUri, new Configuration());
        List<Computed> out = new ArrayList<>();
        new ResultReader(layout).forEach(r -> {
            if (r.status() == Status.OK) {
                out.add(of(r));
            }
        });
        out.sort(Comparator.comparingLong(Computed::index));
        return out;
    }

    static Computed of(CandidateResult r) {
        Structure start = SupercellBuilder.build(r.composition(), r.recipe(), r.startingLatticeParameterAngstrom(),
                CandidateIds.seed(r.id())).structure();
        CalculationRequest req = PropertyRegistry.request(r.id(), start, r.recipe().prototype(), r.potentialFile(),
                r.method().relax(), r.method().properties(), TIMEOUT_SECONDS);
        return new Computed(r.candidateIndex(), r.composition().formula(), req, r.properties().energyPerAtomEv(),
                r.provenance().nativeSeconds(), r.provenance().wallSeconds(), r.relaxation().minimisations(),
                r.relaxation().converged());
    }
}
