package org.matscreen.kim;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.lammps.LammpsTestSupport;
import org.matscreen.lammps.jna.LammpsNative;

/**
 * Shared set-up of the tests against real KIM models: Debian's libkim-api2 and openkim-models, and a LAMMPS library
 * with the KIM package. In CI (CI=true) a missing piece is a failure, because scripts/setup.sh installs them;
 * elsewhere the test is skipped with the reason.
 */
final class KimTestSupport {
    static final String CHOI_2018 = "MEAM_LAMMPS_ChoiJoSohn_2018_CoNiCrFeMn__MO_115454747503_000";
    static final String PUN_YAMAKOV_MISHIN = "EAM_Dynamo_PunYamakovMishin_2013_NiAlCo__MO_826591359508_000";
    static final String JELINEK_2012 = "MEAM_LAMMPS_JelinekGrohHorstemeyer_2012_AlSiMgCuFe__MO_262519520678_000";
    static final String LI_2019_SNAP = "SNAP_LiChenZheng_2019_NbTaWMo__MO_560387080449_000";
    static final String MISHIN_2004 = "EAM_Dynamo_Mishin_2004_NiAl__MO_101214310689_005";
    static final String PUN_MISHIN_2009 = "EAM_Dynamo_PunMishin_2009_NiAl__MO_751354403791_005";
    static final String WILLIAMS_2006 = "EAM_Dynamo_WilliamsMishinHamilton_2006_CuAg__MO_128703483589_005";
    static final String BONNY_2013 = "EAM_Dynamo_BonnyCastinTerentyev_2013_FeNiCr__MO_763197941039_000";
    static final String MENDELEV_2020 = "EAM_Dynamo_MendelevBorovikov_2020_FeNiCr__MO_922363340570_000";

    private KimTestSupport() {}

    /** A LAMMPS library with the KIM package. */
    static Path library() {
        Path lib = LammpsTestSupport.library();
        require(LammpsNative.packages(LammpsNative.load(lib)).contains("KIM"), "the LAMMPS library " + lib
                + " has no KIM package (Debian's liblammps0 has it)");
        return lib;
    }

    static KimModels models() {
        KimApi.Located k = KimApi.locate();
        require(k.found(), k.found() ? "" : k.fix());
        return new KimModels(k.api());
    }

    /** An installed model, resolved as a campaign's {@code kim:<id>} would be. */
    static KimModel model(String id) {
        KimModels m = models();
        try {
            return m.resolve(KimModelId.PREFIX + id, "test", "potential");
        } catch (InvalidInputException e) {
            require(false, e.reason() + " (scripts/setup.sh installs openkim-models)");
            throw e;
        }
    }

    static PotentialRef ref(String id) {
        return model(id).toPotentialRef();
    }

    private static void require(boolean ok, String why) {
        if (!ok) {
            if ("true".equals(System.getenv("CI"))) {
                fail("in CI every real component is installed, but: " + why);
            }
            assumeTrue(false, why);
        }
    }
}
