package org.matscreen.gpaw;

import static org.matscreen.gpaw.GpawSettingsFile.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.CellShape;
import org.matscreen.core.sim.Relaxation;
import org.matscreen.core.sim.Status;
import org.matscreen.core.sim.Step;
import org.matscreen.core.structure.Lattice;
import org.matscreen.core.structure.Structure;
import org.matscreen.worker.Frames;
import org.matscreen.worker.Greeting;

/**
 * The GPAW worker's JSON payloads ({@code gpaw_worker.py} is their definition): a {@link CalculationRequest} and its
 * DFT settings become a COMPUTE request, a RESULT or ERROR frame becomes a {@link CalculationOutcome}.
 */
final class GpawPayloads {
    static final double GPA_PER_BAR = 1e-4;
    static final String ASE_VERSION = "ase_version";
    static final String PYTHON_VERSION = "python";
    static final String RANKS = "ranks";
    static final String SETUP_PATHS = "setup_paths";
    static final String SETUPS_RELEASE = "setups_release";

    private GpawPayloads() {}

    /**
     * {@code settings} (a settings file's content) with the request's relaxation and E(V) scan in the worker's terms:
     * the primary relaxation's mode ({@code strain: axial} for a hexagonal cell, whose a = b and c relax apart), the
     * acceptance tolerances, the step cap, and the scan when {@link Step#EOS_SCAN} is asked for.
     *
     * <p>The worker's {@code fmax_ev_per_a} is a bound on the largest force on any atom, which is what
     * {@code maxForceToleranceEvPerA} is; {@code forceToleranceEvPerA} is LAMMPS' stopping criterion on the force
     * vector's 2-norm and has no counterpart in a BFGS run that stops on the acceptance test itself.
     */
    static ObjectNode merged(CalculationRequest request, ObjectNode settings) {
        ObjectNode s = settings.deepCopy();
        ObjectNode relax = s.putObject("relax");
        relax.put("mode", request.primaryRelaxation() == Step.RELAX_SHAPE_FIXED ? "shape-fixed" : "free");
        relax.put("strain", request.shape() == CellShape.HEXAGONAL ? "axial" : "hydrostatic");
        relax.put("fmax_ev_per_a", request.relax().maxForceToleranceEvPerA());
        relax.put("stress_tol_gpa", request.relax().pressureToleranceBar() * GPA_PER_BAR);
        relax.put("max_steps", request.relax().maxIterations());
        if (request.has(Step.EOS_SCAN)) {
            ObjectNode eos = s.putObject("eos");
            eos.put("points", request.properties().eosPoints());
            eos.put("max_volume_strain", request.properties().eosMaxVolumeStrain());
        } else {
            s.putNull("eos");
        }
        return s;
    }

    /** Writes the COMPUTE payload of {@code request}: its id, cell, the {@link #merged} settings and the log path. */
    static void writeCompute(CalculationRequest request, ObjectNode settings, Path log, OutputStream out)
            throws IOException {
        ObjectNode r = JSON.createObjectNode();
        r.put("candidate_id", request.candidateId());
        r.set("structure", structure(request.structure()));
        r.set("settings", merged(request, settings));
        r.put("log_path", log.toString());
        JSON.writeValue(out, r);
    }

    private static ObjectNode structure(Structure s) {
        ObjectNode n = JSON.createObjectNode();
        ArrayNode lattice = n.putArray("lattice");
        for (int i = 0; i < 3; i++) {
            ArrayNode row = lattice.addArray();
            for (double x : s.lattice().vector(i)) {
                row.add(x);
            }
        }
        ArrayNode species = n.putArray("species");
        ArrayNode frac = n.putArray("frac");
        double[] f = s.fractionalCoordinates();
        for (int i = 0; i < s.siteCount(); i++) {
            species.add(s.speciesAt(i));
            frac.addArray().add(f[3 * i]).add(f[3 * i + 1]).add(f[3 * i + 2]);
        }
        return n;
    }

    /**
     * The worker's greeting: {@code codeVersion} "GPAW &lt;version&gt;", details {@link #ASE_VERSION},
     * {@link #PYTHON_VERSION}, {@link #RANKS}, {@link #SETUP_PATHS} (the folders of PAW setups that exist, comma
     * separated; empty if none) and {@link #SETUPS_RELEASE} (the gpaw-data package's version, or empty). An ERROR
     * frame (GPAW could not be loaded) is an {@link IOException} with its message.
     */
    static Greeting readGreeting(byte tag, InputStream payload) throws IOException {
        JsonNode g = JSON.readTree(payload);
        if (tag == Frames.ERROR) {
            throw new IOException(g.path("message").asText() + "\n"
                    + g.path("traceback_tail").asText().stripTrailing());
        }
        if (tag != Frames.STARTED) {
            throw new IOException("expected a STARTED frame, got frame " + tag);
        }
        Map<String, String> details = new TreeMap<>();
        details.put(ASE_VERSION, g.path("ase_version").asText());
        details.put(PYTHON_VERSION, g.path("python").asText());
        details.put(RANKS, g.path("ranks").asText("1"));
        details.put(SETUP_PATHS, texts(g.path("setups").path("paths")));
        details.put(SETUPS_RELEASE, g.path("setups").path("release").asText(""));
        return new Greeting(g.path("magic").asText(), g.path("protocol").asInt(), "GPAW "
                + g.path("code_version").asText(), details);
    }

    /**
     * The outcome of {@code request} from the worker's answer. RESULT: the relaxed cell, its zero-smearing energy,
     * the relaxation, the E(V) scan (kept only for a relaxation that met its tolerances, as {@link Step} requires),
     * the cell's moment. ERROR: {@link Status#FAILED} with the worker's message (and, for an unexpected exception, its
     * traceback). An answer about another candidate, or of another kind, is an {@link IOException}.
     */
    static CalculationOutcome readOutcome(CalculationRequest request, byte tag, InputStream payload,
            String codeVersion) throws IOException {
        JsonNode r = JSON.readTree(payload);
        String id = r.path("candidate_id").asText(null);
        if (tag == Frames.ERROR) {
            if ("protocol".equals(r.path("kind").asText())) {
                throw new IOException("the worker refused the frame stream: " + r.path("message").asText());
            }
            if (id != null && !id.equals(request.candidateId())) {
                throw new IOException("an error about candidate " + id + " while computing " + request.candidateId());
            }
            String text = r.path("message").asText();
            if ("calculation".equals(r.path("kind").asText())) {
                text += "\n" + r.path("traceback_tail").asText().stripTrailing();
            }
            return CalculationOutcome.failure(request.candidateId(), Status.FAILED, text, 0, codeVersion);
        }
        if (tag != Frames.RESULT) {
            throw new IOException("unexpected frame " + tag);
        }
        if (!request.candidateId().equals(id)) {
            throw new IOException("a result for candidate " + id + " while computing " + request.candidateId());
        }
        Structure relaxed = relaxed(request.structure(), r.path("relaxed"));
        JsonNode rel = r.path("relaxation");
        boolean converged = rel.path("converged").asBoolean();
        Relaxation relaxation = new Relaxation(converged, 1, rel.path("steps").asInt(), converged
                ? "BFGS: force and stress tolerances" : "BFGS: max steps", 0, number(rel, "max_force_ev_per_a"),
                number(rel, "max_stress_gpa") / GPA_PER_BAR, numbers(r.path("stress_gpa")));
        JsonNode eos = r.path("eos");
        boolean scanned = converged && eos.isObject();
        return new CalculationOutcome(request.candidateId(), Status.OK, "", relaxed, number(r, "energy_ev"),
                relaxation, null, scanned ? numbers(eos.path("volumes_a3_per_atom")) : null,
                scanned ? numbers(eos.path("energies_ev_per_atom")) : null, null, null, number(r, "native_seconds"),
                codeVersion, number(r, "magmom_total_mu_b"));
    }

    /** The worker's relaxed cell, on the request's species list; a cell with other sites is refused. */
    private static Structure relaxed(Structure start, JsonNode cell) throws IOException {
        JsonNode species = cell.path("species");
        JsonNode frac = cell.path("frac");
        if (species.size() != start.siteCount() || frac.size() != start.siteCount()) {
            throw new IOException("the relaxed cell has " + species.size() + " sites, the request "
                    + start.siteCount());
        }
        double[] f = new double[3 * start.siteCount()];
        for (int i = 0; i < start.siteCount(); i++) {
            if (!start.speciesAt(i).equals(species.get(i).asText())) {
                throw new IOException("site " + i + " of the relaxed cell is " + species.get(i).asText() + ", not "
                        + start.speciesAt(i));
            }
            for (int k = 0; k < 3; k++) {
                f[3 * i + k] = frac.get(i).get(k).asDouble();
            }
        }
        double[] lattice = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                lattice[3 * i + k] = cell.path("lattice").get(i).get(k).asDouble();
            }
        }
        return new Structure(Lattice.of(lattice), start.speciesSymbols(), start.siteSpecies(), f);
    }

    /** A number of the result, NaN where the worker had none (null). */
    private static double number(JsonNode parent, String field) {
        JsonNode n = parent.path(field);
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    private static double[] numbers(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    private static String texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            out.add(it.next().asText());
        }
        return String.join(", ", out);
    }
}
