package org.matscreen.spark;

import org.matscreen.core.sim.SimulationCodes;
import org.matscreen.core.sim.SimulationSession;
import org.matscreen.core.util.NodeFolders;

/**
 * Opens simulation sessions on an executor: the campaign's code ({@code method.code}) with the options the driver
 * resolved, which the code may still adapt to this node (its own installation, what is safe here).
 */
final class Sessions {
    private Sessions() {}

    /** The context with generated potentials cached on this machine's local disk. */
    static JobContext localise(JobContext ctx) {
        return ctx.localised(NodeFolders.of("matscreen-potentials").toString());
    }

    static SimulationSession open(JobContext ctx) {
        return SimulationCodes.get(ctx.method().code()).openSession(ctx.codeOptions());
    }
}
