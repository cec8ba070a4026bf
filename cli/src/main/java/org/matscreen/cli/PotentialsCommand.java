package org.matscreen.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.matscreen.core.sim.PotentialRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code matscreen potentials}: the potential files matscreen can use, with elements and citations. */
@Command(name = "potentials", header = "List the potential files matscreen can use.", mixinStandardHelpOptions = true)
final class PotentialsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        var registry = PreparedCampaign.registry(MatscreenConfig.load());
        o.println("searched: " + registry.directories());
        for (PotentialRef p : registry.list()) {
            o.printf("%-26s %-10s %-28s %s%n", p.name(), p.pairStyle(), String.join(" ", p.elements()),
                    p.citation());
        }
        return ExitCodes.OK;
    }
}
