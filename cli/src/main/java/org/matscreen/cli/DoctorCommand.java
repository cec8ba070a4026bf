package org.matscreen.cli;

import com.sun.jna.Platform;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.Callable;
import org.matscreen.core.sim.SimulationCode.Diagnosis;
import org.matscreen.core.sim.SimulationCodes;
import org.matscreen.potential.PotentialRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code matscreen doctor}: checks the installation of every simulation code (its own checks, see
 * {@link org.matscreen.core.sim.SimulationCode#diagnose}) and the potentials, and says how to fix what is missing.
 */
@Command(name = "doctor", header = "Check the simulation codes (the LAMMPS library, worker processes, the KIM API)"
        + " and the potentials.", mixinStandardHelpOptions = true)
final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LammpsLibraryOption library;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        o.printf("java       %s (%s) on %s/%s; JNA platform %s%n", System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name"), System.getProperty("os.arch"),
                Platform.RESOURCE_PREFIX);
        MatscreenConfig config = MatscreenConfig.load();
        o.printf("config     %s%s%n", config.file(), Files.isRegularFile(config.file()) ? "" : " (not present)");
        boolean ok = true;
        for (String code : SimulationCodes.names()) {
            for (Diagnosis d : SimulationCodes.get(code).diagnose(library.requested(code, Map.of(), config))) {
                print(o, d);
                ok &= d.ok();
            }
        }
        var registry = PreparedCampaign.registry(config);
        int n = registry.list().size();
        o.printf("potentials %d setfl files in %s%n", n, registry.directories());
        if (n == 0 || !Files.isDirectory(PotentialRegistry.DEBIAN_DIR)) {
            o.println("  hint: scripts/setup.sh installs Debian's lammps-data (potentials in "
                    + PotentialRegistry.DEBIAN_DIR + ")");
        }
        o.println(ok ? "all checks passed" : "some checks failed");
        return ok ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    /** A check's verdict in a column after its name, a failure marked; the detail's further lines indented below. */
    private static void print(PrintWriter o, Diagnosis d) {
        String[] lines = d.detail().split("\n");
        o.printf("%-10s %s%s%n", d.check(), d.ok() ? "" : "FAILED: ", lines[0]);
        for (int i = 1; i < lines.length; i++) {
            o.println("  " + lines[i]);
        }
    }
}
