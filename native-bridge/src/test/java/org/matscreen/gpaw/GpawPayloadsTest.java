package org.matscreen.gpaw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.CellShape;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxMode;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Status;
import org.matscreen.core.sim.Step;
import org.matscreen.core.structure.Lattice;
import org.matscreen.core.structure.Structure;
import org.matscreen.worker.Frames;
import org.matscreen.worker.Greeting;

/** The JSON between the JVM and gpaw_worker.py, both ways, without GPAW: field names as the worker reads and writes. */
class GpawPayloadsTest {
    static final PotentialRef MODEL = new PotentialRef("s.json", "/x/s.json", "ab", "dft", List.of("Al", "Ni"), "c");
    /** Ni3Al (L1_2), 4 sites on the species list [Al, Ni]. */
    static final Structure NI3AL = new Structure(Lattice.cubic(3.6), List.of("Al", "Ni"), new int[] {0, 1, 1, 1},
            new double[] {0, 0, 0, 0, 0.5, 0.5, 0.5, 0, 0.5, 0.5, 0.5, 0});
    /** Tolerances a DFT campaign would set: 0.02 eV/Å, 500 bar (0.05 GPa), 40 steps. */
    static final RelaxSettings RELAX = new RelaxSettings(0, 1e-6, 40, 400, 500, 0.02, 0, RelaxMode.SHAPE_FIXED);

    static CalculationRequest request(Set<Step> steps, CellShape shape) {
        return new CalculationRequest("cand-1", NI3AL, MODEL, RELAX, new PropertySettings(true, 5, 0.04, false,
                0.005), shape, steps, 600);
    }

    @Test
    void theRequestsRelaxationAndScanReplaceTheFilesAndTheRestIsKept() {
        ObjectNode file = GpawSettingsFile.preset("test");
        ObjectNode s = GpawPayloads.merged(request(EnumSet.of(Step.RELAX_SHAPE_FIXED, Step.EOS_SCAN),
                CellShape.CUBIC), file);
        JsonNode relax = s.get("relax");
        assertEquals("shape-fixed", relax.get("mode").asText());
        assertEquals("hydrostatic", relax.get("strain").asText());
        assertEquals(0.02, relax.get("fmax_ev_per_a").asDouble(), "the largest force on any atom, eV/Å");
        assertEquals(0.05, relax.get("stress_tol_gpa").asDouble(), 1e-15, "500 bar in GPa");
        assertEquals(40, relax.get("max_steps").asInt());
        assertEquals(5, s.get("eos").get("points").asInt());
        assertEquals(0.04, s.get("eos").get("max_volume_strain").asDouble());
        assertEquals(400, s.get("ecut_ev").asInt(), "the file's own settings travel unchanged");
        assertEquals(file.get("smearing"), s.get("smearing"));
        assertEquals(0.05, file.get("relax").get("fmax_ev_per_a").asDouble(), "the file's settings are not changed");
    }

    @Test
    void aHexagonalCellRelaxesAxiallyAFreeOneFreelyAndNoScanMeansNone() {
        JsonNode hex = GpawPayloads.merged(request(EnumSet.of(Step.RELAX_SHAPE_FIXED), CellShape.HEXAGONAL),
                GpawSettingsFile.preset("production"));
        assertEquals("axial", hex.get("relax").get("strain").asText());
        assertTrue(hex.get("eos").isNull(), "production's scan is off unless the request asks for one");
        JsonNode free = GpawPayloads.merged(request(EnumSet.of(Step.RELAX_FREE), CellShape.CUBIC),
                GpawSettingsFile.preset("test"));
        assertEquals("free", free.get("relax").get("mode").asText());
    }

    @Test
    void theComputeRequestCarriesTheCellSiteBySite() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GpawPayloads.writeCompute(request(EnumSet.of(Step.RELAX_SHAPE_FIXED), CellShape.CUBIC),
                GpawSettingsFile.preset("test"), Path.of("/w/candidate.log"), out);
        JsonNode r = GpawSettingsFile.JSON.readTree(out.toByteArray());
        assertEquals("cand-1", r.get("candidate_id").asText());
        assertEquals("/w/candidate.log", r.get("log_path").asText());
        JsonNode st = r.get("structure");
        assertEquals("[[3.6,0.0,0.0],[0.0,3.6,0.0],[0.0,0.0,3.6]]", st.get("lattice").toString());
        assertEquals("[\"Al\",\"Ni\",\"Ni\",\"Ni\"]", st.get("species").toString());
        assertEquals("[0.5,0.0,0.5]", st.get("frac").get(2).toString());
        assertEquals("shape-fixed", r.get("settings").get("relax").get("mode").asText());
    }

    /** A RESULT as gpaw_worker.py's compute() writes it, for NI3AL relaxed to a = 3.58 Å. */
    static String result(boolean converged) {
        return """
                {"status":"ok","candidate_id":"cand-1","energy_ev":-22.5,"energy_per_atom_ev":-5.625,
                 "free_energy_ev":-22.51,"volume_a3_per_atom":11.47,
                 "relaxed":{"lattice":[[3.58,0,0],[0,3.58,0],[0,0,3.58]],"species":["Al","Ni","Ni","Ni"],
                            "frac":[[0,0,0],[0,0.5,0.5],[0.5,0,0.5],[0.5,0.5,0]]},
                 "spin_polarized":true,"magmom_total_mu_b":0.92,"magmoms":[0,0.3,0.3,0.3],
                 "stress_gpa":[-0.01,-0.01,-0.01,0,0,0],"max_force_ev_per_a":0.001,
                 "relaxation":{"mode":"shape-fixed","strain":"hydrostatic","converged":%s,"steps":4,
                               "max_force_ev_per_a":0.001,"max_stress_gpa":0.01},
                 "eos":{"volumes_a3_per_atom":[11.0,11.5,12.0],"energies_ev_per_atom":[-5.6,-5.625,-5.61]},
                 "kpoints":[7,7,7],"kpoints_irreducible":20,"kpoint_convention":"...",
                 "setups_sha256":{"Al":"a","Ni":"b"},"scf_iterations":60,"native_seconds":42.5,"cpu_seconds":42.0}
                """.formatted(converged);
    }

    static CalculationOutcome read(byte tag, String json) throws IOException {
        return GpawPayloads.readOutcome(request(EnumSet.of(Step.RELAX_SHAPE_FIXED, Step.EOS_SCAN), CellShape.CUBIC),
                tag, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "GPAW 22.8.0");
    }

    @Test
    void aResultBecomesTheOutcomeInTheRecordsUnits() throws IOException {
        CalculationOutcome o = read(Frames.RESULT, result(true));
        assertEquals(Status.OK, o.status());
        assertEquals("GPAW 22.8.0", o.codeVersion());
        assertEquals(-22.5, o.energyEv(), "the zero-smearing energy, not the free energy");
        assertEquals(Lattice.cubic(3.58), o.relaxed().lattice());
        assertEquals(NI3AL.withLattice(Lattice.cubic(3.58)), o.relaxed(), "same sites on the request's species");
        assertTrue(o.relaxation().converged());
        assertEquals(4, o.relaxation().iterations());
        assertEquals(0.001, o.relaxation().maxForceEvPerA());
        assertEquals(100, o.relaxation().maxPressureBar(), 1e-9, "0.01 GPa = 100 bar");
        assertArrayEquals(new double[] {-0.01, -0.01, -0.01, 0, 0, 0}, o.relaxation().stressGpa());
        assertArrayEquals(new double[] {11.0, 11.5, 12.0}, o.eosVolumesA3PerAtom());
        assertArrayEquals(new double[] {-5.6, -5.625, -5.61}, o.eosEnergiesEvPerAtom());
        assertEquals(0.92, o.magneticMomentMuB(), "the cell's total moment, μB");
        assertEquals(0.23, o.magneticMomentPerAtomMuB(), 1e-12);
        assertEquals(42.5, o.nativeSeconds());
        assertEquals(0, o.siteClasses().length);
    }

    @Test
    void aRelaxationThatMissedItsTolerancesKeepsNoScan() throws IOException {
        CalculationOutcome o = read(Frames.RESULT, result(false));
        assertEquals(Status.OK, o.status());
        assertFalse(o.relaxation().converged());
        assertEquals("BFGS: max steps", o.relaxation().stopReason());
        assertEquals(0, o.eosVolumesA3PerAtom().length, "numbers from an unrelaxed cell are not kept");
    }

    @Test
    void workerErrorsFailTheCandidateWithTheirText() throws IOException {
        CalculationOutcome invalid = read(Frames.ERROR, """
                {"message":"structure.species[0]: no PBE PAW setup for Og in the GPAW setup path",
                 "kind":"invalid_input","candidate_id":"cand-1","traceback_tail":""}""");
        assertEquals(Status.FAILED, invalid.status());
        assertEquals("structure.species[0]: no PBE PAW setup for Og in the GPAW setup path", invalid.errorText());
        CalculationOutcome scf = read(Frames.ERROR, """
                {"message":"KohnShamConvergenceError: Did not converge!  See text output for help.",
                 "kind":"scf_not_converged","candidate_id":"cand-1","traceback_tail":"Traceback ..."}""");
        assertEquals(Status.FAILED, scf.status());
        assertEquals("KohnShamConvergenceError: Did not converge!  See text output for help.", scf.errorText());
        CalculationOutcome bug = read(Frames.ERROR, """
                {"message":"ValueError: x","kind":"calculation","candidate_id":"cand-1",
                 "traceback_tail":"  File \\"gpaw_worker.py\\", line 3\\nValueError: x\\n"}""");
        assertEquals("ValueError: x\n  File \"gpaw_worker.py\", line 3\nValueError: x", bug.errorText(),
                "an unexpected exception keeps where it happened");
    }

    @Test
    void anAnswerAboutAnotherCandidateOrTheStreamItselfIsNotAnOutcome() {
        assertThrows(IOException.class, () -> read(Frames.RESULT, result(true).replace("cand-1", "cand-2")));
        assertThrows(IOException.class, () -> read(Frames.ERROR, """
                {"message":"x","kind":"invalid_input","candidate_id":"cand-2","traceback_tail":""}"""));
        assertThrows(IOException.class, () -> read(Frames.ERROR, """
                {"message":"frame too long","kind":"protocol","candidate_id":null,"traceback_tail":""}"""));
        assertThrows(IOException.class, () -> read(Frames.RESULT, result(true).replace("\"Al\",\"Ni\",\"Ni\"",
                "\"Ni\",\"Al\",\"Ni\"")));
        assertThrows(IOException.class, () -> read(Frames.PONG, "{}"));
    }

    @Test
    void theGreetingNamesVersionsRanksAndSetups() throws IOException {
        Greeting g = GpawPayloads.readGreeting(Frames.STARTED, new ByteArrayInputStream("""
                {"magic":"MSCR","protocol":2,"code":"gpaw","code_version":"22.8.0","ranks":2,"ase_version":"3.22.1",
                 "numpy_version":"1.24.2","python":"3.11.2","pid":7,
                 "setups":{"paths":["/usr/share/gpaw-setups"],"release":"gpaw-data 0.9.20000-2"}}"""
                .getBytes(StandardCharsets.UTF_8)));
        assertTrue(g.compatible());
        assertEquals("GPAW 22.8.0", g.codeVersion());
        assertEquals("2", g.details().get(GpawPayloads.RANKS));
        assertEquals("/usr/share/gpaw-setups", g.details().get(GpawPayloads.SETUP_PATHS));
        assertEquals("gpaw-data 0.9.20000-2", g.details().get(GpawPayloads.SETUPS_RELEASE));
        IOException e = assertThrows(IOException.class, () -> GpawPayloads.readGreeting(Frames.ERROR,
                new ByteArrayInputStream("""
                        {"message":"GPAW could not be loaded: No module named 'gpaw'","kind":"startup",
                         "candidate_id":null,"traceback_tail":"ModuleNotFoundError"}"""
                        .getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("GPAW could not be loaded: No module named 'gpaw'"), e.getMessage());
    }
}
