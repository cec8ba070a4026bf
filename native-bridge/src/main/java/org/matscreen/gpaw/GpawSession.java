package org.matscreen.gpaw;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.CellShape;
import org.matscreen.core.sim.SimulationSession;
import org.matscreen.core.sim.Status;
import org.matscreen.core.sim.Step;
import org.matscreen.core.structure.Lattice;
import org.matscreen.core.structure.Structure;

/**
 * A GPAW session: each calculation is one COMPUTE of its worker session, except that a request with both relaxations
 * runs the instability probe ({@link Step}) as a second one, a free relaxation of the shape-fixed relaxed cell strained
 * by {@link CellShape#PROBE_STRAIN}; the worker computes one relaxation per request. The two share the request's time
 * limit. The probe of a DFT cell costs more than its shape-fixed relaxation: the strain lowers the symmetry, and with
 * it the k-point reduction (fcc Al on the test settings: 194 s against 10 s).
 */
final class GpawSession implements SimulationSession {
    private final SimulationSession workers;

    /** @param workers the session whose worker computes each request (an isolated, pooled one) */
    GpawSession(SimulationSession workers) {
        this.workers = workers;
    }

    @Override
    public CalculationOutcome compute(CalculationRequest request) {
        if (!request.freeProbe()) {
            return workers.compute(request);
        }
        long t0 = System.nanoTime();
        Set<Step> primarySteps = request.steps();
        primarySteps.remove(Step.RELAX_FREE);
        CalculationOutcome primary = workers.compute(withSteps(request, request.structure(), primarySteps,
                request.timeoutSeconds()));
        if (primary.status() != Status.OK) {
            return primary;
        }
        double left = request.timeoutSeconds() - (System.nanoTime() - t0) / 1e9;
        if (left <= 0) {
            return CalculationOutcome.failure(request.candidateId(), Status.TIMEOUT, String.format(Locale.ROOT,
                    "no time left of the %.1f s limit for the instability probe", request.timeoutSeconds()),
                    primary.nativeSeconds(), primary.codeVersion());
        }
        CalculationOutcome probe = workers.compute(withSteps(request, probeStart(primary.relaxed()),
                EnumSet.of(Step.RELAX_FREE), left));
        double seconds = primary.nativeSeconds() + probe.nativeSeconds();
        if (probe.status() != Status.OK) {
            return CalculationOutcome.failure(request.candidateId(), probe.status(), "instability probe: "
                    + probe.errorText(), seconds, probe.codeVersion());
        }
        return new CalculationOutcome(request.candidateId(), Status.OK, "", primary.relaxed(), primary.energyEv(),
                primary.relaxation(), primary.siteClasses(), primary.eosVolumesA3PerAtom(),
                primary.eosEnergiesEvPerAtom(), primary.elastic(), probe.primary(), seconds, primary.codeVersion(),
                primary.magneticMomentMuB());
    }

    private static CalculationRequest withSteps(CalculationRequest r, Structure start, Set<Step> steps,
            double timeoutSeconds) {
        return new CalculationRequest(r.candidateId(), start, r.potential(), r.relax(), r.properties(), r.shape(),
                steps, timeoutSeconds);
    }

    /**
     * The relaxed cell under {@link CellShape#PROBE_STRAIN} (Voigt, engineering shear), positions following the cell:
     * each lattice vector v becomes F v with F = [[1+e1, e6, e5], [0, 1+e2, e4], [0, 0, 1+e3]], the deformation
     * LAMMPS' probe applies to its box.
     */
    static Structure probeStart(Structure relaxed) {
        double[] e = CellShape.PROBE_STRAIN;
        double[][] f = {{1 + e[0], e[5], e[4]}, {0, 1 + e[1], e[3]}, {0, 0, 1 + e[2]}};
        double[] strained = new double[9];
        for (int i = 0; i < 3; i++) {
            double[] v = relaxed.lattice().vector(i);
            for (int k = 0; k < 3; k++) {
                strained[3 * i + k] = f[k][0] * v[0] + f[k][1] * v[1] + f[k][2] * v[2];
            }
        }
        return relaxed.withLattice(Lattice.of(strained));
    }

    @Override
    public String codeVersion() {
        return workers.codeVersion();
    }

    @Override
    public void close() {
        workers.close();
    }
}
