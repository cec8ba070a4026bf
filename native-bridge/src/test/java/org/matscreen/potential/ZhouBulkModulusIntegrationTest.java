package org.matscreen.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.matscreen.core.properties.CandidateProperties;
import org.matscreen.core.properties.PropertyRegistry;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxMode;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Status;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.Structure;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.structure.Supercell;
import org.matscreen.worker.WorkerProcess;

/**
 * Acceptance (f) of issue 13, one bulk modulus story: for each of the 17 Zhou 2004 metals in its ground state, on
 * the grid of a campaign over all 17, the Birch–Murnaghan B0 of the default E(V) scan ({@code bulk_modulus_gpa})
 * agrees within 1 % with the bulk modulus of the elastic tensor ({@code bulk_modulus_cij_gpa}: Reuss, which equals
 * Voigt for the cubic metals and is what the hydrostatic E(V) path of an hcp metal with c/a relaxed measures). Both
 * come through the engine's own request and property path. With the earlier ±6 % window the two differed by up to
 * 3.3 % (Al), and for hcp a uniform-scaling scan gave the Voigt value, 0.5–0.9 % above Reuss.
 */
@Tag("lammps")
@Tag("integration")
class ZhouBulkModulusIntegrationTest {
    private static final double TOLERANCE = 0.01;
    private static final ZhouDatabase DB = ZhouDatabase.standard();
    private static final Map<String, String> SUMMARY = new TreeMap<>();

    @TempDir
    static Path dir;
    private static WorkerProcess worker;
    private static PotentialRef all17;

    @BeforeAll
    static void start() {
        worker = ZhouLammpsSupport.startWorker(dir.resolve("workers"));
        all17 = new ZhouEamGenerator().generate(DB.elements(), DB.elements(), dir.resolve("cache")).toPotentialRef();
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        System.out.println("element proto  B_EOS (GPa)  B_Cij (GPa)  B_EOS/B_Cij - 1");
        SUMMARY.values().forEach(System.out::println);
    }

    static List<String> metals() {
        return DB.elements();
    }

    @ParameterizedTest
    @MethodSource("metals")
    void equationOfStateAndElasticTensorGiveOneBulkModulus(String element) {
        ZhouParameters p = DB.parameters(element);
        Prototype proto = p.groundState();
        Supercell sc = switch (proto) {
            case FCC -> new Supercell(3, 3, 3);
            case BCC -> new Supercell(4, 4, 4);
            case HCP -> new Supercell(3, 2, 2);
        };
        // 1 % expanded: the minimiser must not start on the energy step of a shell at the cut-off (see
        // ZhouPureMetalsTest)
        Structure start = ZhouLammpsSupport.cell(element, proto, sc, 1.01 * p.latticeParameterAngstrom());
        RelaxSettings relax = RelaxSettings.DEFAULT.withMode(RelaxMode.SHAPE_FIXED);
        CalculationOutcome o = worker.compute(PropertyRegistry.request(element, start, proto, all17, relax,
                PropertySettings.DEFAULT, ZhouLammpsSupport.TIMEOUT_SECONDS));
        assertEquals(Status.OK, o.status(), o.errorText());
        assertTrue(o.relaxation().converged(), o.relaxation().toString());
        CandidateProperties props = PropertyRegistry.analyse(o, StructureRecipe.random(proto, sc, 0), null, relax,
                PropertySettings.DEFAULT, note -> { });
        double eos = props.number("bulk_modulus_gpa");
        double cij = props.number("bulk_modulus_cij_gpa");
        double diff = eos / cij - 1;
        SUMMARY.put(element, String.format(Locale.ROOT, "%-7s %-5s  %11.3f  %11.3f  %+.4f", element, proto.key(),
                eos, cij, diff));
        assertEquals(Boolean.TRUE, props.bool("mechanically_stable"), element + " in its ground state");
        assertTrue(Math.abs(diff) <= TOLERANCE, element + ": B_EOS " + eos + " GPa vs B_Cij " + cij + " GPa");
    }
}
