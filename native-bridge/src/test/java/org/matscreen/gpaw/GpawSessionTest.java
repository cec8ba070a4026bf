package org.matscreen.gpaw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.CellShape;
import org.matscreen.core.sim.Relaxation;
import org.matscreen.core.sim.SimulationSession;
import org.matscreen.core.sim.Status;
import org.matscreen.core.sim.Step;
import org.matscreen.core.structure.Lattice;
import org.matscreen.core.structure.Structure;

/** The instability probe as a second worker request: what it is sent, and how the two answers make one outcome. */
class GpawSessionTest {

    /** Answers with prepared outcomes and keeps the requests. */
    static final class Scripted implements SimulationSession {
        final List<CalculationRequest> requests = new ArrayList<>();
        final Deque<CalculationOutcome> answers = new ArrayDeque<>();

        @Override
        public CalculationOutcome compute(CalculationRequest request) {
            requests.add(request);
            return answers.removeFirst();
        }

        @Override
        public String codeVersion() {
            return "GPAW 22.8.0";
        }

        @Override
        public void close() {}
    }

    static final Structure RELAXED = GpawPayloadsTest.NI3AL.withLattice(Lattice.cubic(3.58));

    static CalculationOutcome ok(Structure s, double energy, double seconds) {
        return new CalculationOutcome("cand-1", Status.OK, "", s, energy, new Relaxation(true, 1, 3, "BFGS", 0, 0.01,
                50), null, new double[] {11, 12}, new double[] {-5.6, -5.61}, null, null, seconds, "GPAW 22.8.0", 0.9);
    }

    static CalculationRequest both() {
        return GpawPayloadsTest.request(EnumSet.of(Step.RELAX_SHAPE_FIXED, Step.RELAX_FREE, Step.EOS_SCAN),
                CellShape.CUBIC);
    }

    @Test
    void bothRelaxationsAreTwoRequestsAndOneOutcome() {
        Scripted workers = new Scripted();
        Structure probeRelaxed = RELAXED.withLattice(Lattice.cubic(3.581));
        workers.answers.add(ok(RELAXED, -22.5, 40));
        workers.answers.add(ok(probeRelaxed, -22.49, 150));
        CalculationOutcome o = new GpawSession(workers).compute(both());

        CalculationRequest first = workers.requests.get(0);
        assertEquals(EnumSet.of(Step.RELAX_SHAPE_FIXED, Step.EOS_SCAN), first.steps());
        CalculationRequest probe = workers.requests.get(1);
        assertEquals(EnumSet.of(Step.RELAX_FREE), probe.steps(), "the probe relaxes freely and scans nothing");
        assertEquals(GpawSession.probeStart(RELAXED), probe.structure());
        assertTrue(probe.timeoutSeconds() <= 600 && probe.timeoutSeconds() > 590, "the rest of the time limit");

        assertEquals(Status.OK, o.status());
        assertSame(RELAXED, o.relaxed());
        assertEquals(-22.5, o.energyEv());
        assertEquals(2, o.eosVolumesA3PerAtom().length, "the scan belongs to the shape-fixed relaxation");
        assertEquals(probeRelaxed, o.free().structure());
        assertEquals(-22.49, o.free().energyEv());
        assertEquals(190, o.nativeSeconds());
        assertEquals(0.9, o.magneticMomentMuB());
    }

    @Test
    void aFailedRelaxationSendsNoProbeAndAFailedProbeFailsTheCandidate() {
        Scripted workers = new Scripted();
        workers.answers.add(CalculationOutcome.failure("cand-1", Status.FAILED, "scf", 3, "GPAW 22.8.0"));
        assertEquals("scf", new GpawSession(workers).compute(both()).errorText());
        assertEquals(1, workers.requests.size());

        workers.answers.add(ok(RELAXED, -22.5, 40));
        workers.answers.add(CalculationOutcome.failure("cand-1", Status.CRASHED, "signal 9", 7, "GPAW 22.8.0"));
        CalculationOutcome o = new GpawSession(workers).compute(both());
        assertEquals(Status.CRASHED, o.status());
        assertEquals("instability probe: signal 9", o.errorText());
        assertEquals(47, o.nativeSeconds());
        assertNull(o.relaxed());
    }

    @Test
    void oneRelaxationIsOneRequestAsItIs() {
        Scripted workers = new Scripted();
        workers.answers.add(ok(RELAXED, -22.5, 40));
        CalculationRequest r = GpawPayloadsTest.request(EnumSet.of(Step.RELAX_FREE), CellShape.CUBIC);
        new GpawSession(workers).compute(r);
        assertSame(r, workers.requests.get(0));
    }

    @Test
    void theProbeStrainIsTheVoigtStrainOfCellShape() {
        // F = I + [[e1, e6, e5], [0, e2, e4], [0, 0, e3]]: the symmetric part of F - I is the strain tensor
        Structure s = GpawSession.probeStart(RELAXED);
        double[] e = CellShape.PROBE_STRAIN;
        double a = 3.58;
        assertEquals((1 + e[0]) * (1 + e[1]) * (1 + e[2]), s.lattice().volume() / (a * a * a), 1e-12);
        assertEquals(a * e[5], s.lattice().get(1, 0), 1e-12, "b picks up x = e6 b_y");
        assertEquals(a * e[4], s.lattice().get(2, 0), 1e-12);
        assertEquals(a * e[3], s.lattice().get(2, 1), 1e-12);
        assertEquals(0, s.lattice().get(0, 1), 1e-12);
        assertEquals(RELAXED.fractionalCoordinates()[5], s.fractionalCoordinates()[5], "sites follow the cell");
    }
}
