package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands given a campaign with an ensemble of potentials ({@code method.potential} as a list): a member that does
 * not cover the campaign is refused naming its position; {@code plan} and {@code submit}, which estimate and split one
 * potential's work, refuse an ensemble with a one-line input error (exit 2) instead of counting a member's share.
 * None of these starts Spark or LAMMPS.
 */
class EnsembleCommandsTest {
    @TempDir
    Path dir;

    Path campaign(String potentials) throws IOException {
        CliTest t = new CliTest();
        t.dir = dir;
        return t.campaign(CliTest.GOOD.replace("{potential: POT}", "{potential: [" + potentials + "]}"));
    }

    @Test
    void planAndSubmitRefuseAnEnsemble() throws IOException {
        Path c = campaign("POT, zhou2004");
        CliTest.Result plan = CliTest.exec("plan", c.toString(), "--no-references");
        assertEquals(ExitCodes.INVALID_INPUT, plan.code(), plan.out() + plan.err());
        assertTrue(plan.err().contains("method.potential") && plan.err().contains("'plan' does not yet handle an"
                + " ensemble of potentials"), plan.err());
        RunInputTest.assertOneLine(plan);
        CliTest.Result submit = CliTest.exec("submit", c.toString(), "--time", "01:00:00", "--partition", "p",
                "--dry-run", "--script-dir", dir.resolve("jobs").toString());
        assertEquals(ExitCodes.INVALID_INPUT, submit.code(), submit.out() + submit.err());
        assertTrue(submit.err().contains("'submit' does not yet handle"), submit.err());
        assertFalse(Files.exists(dir.resolve("jobs")));
    }

    @Test
    void runRefusesAMemberThatDoesNotCoverTheCampaign() throws IOException {
        // Zhou 2004 covers Cu and Ni; a Cu-only member cannot compute Cu-Ni
        Path cuOnly = Files.writeString(dir.resolve("Cu.eam.alloy"), "CITATION: test\n\n\n1 Cu\n3 0.1 3 0.1 2.0\n"
                + "29 63.546 3.615 fcc\n0 -1 -2\n1.0 0.5 0.2\n1 2 3\n");
        Path c = campaign("zhou2004, " + cuOnly);
        CliTest.Result r = CliTest.exec("run", c.toString(), "--out", dir.resolve("repo").toString(), "--no-cache");
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("method.potential[1]"), r.err());
        RunInputTest.assertOneLine(r);
        assertFalse(Files.exists(dir.resolve("repo")));
    }
}
