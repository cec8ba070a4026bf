package org.matscreen.worker;

import java.util.Map;

/**
 * What a worker says in its {@link Frames#STARTED} frame, as its code's {@link WorkerProtocol} reads it.
 *
 * @param magic must be {@link Frames#MAGIC}
 * @param protocol must be {@link Frames#PROTOCOL}
 * @param codeVersion the code's name and version for records, e.g. "LAMMPS 20210929", "GPAW 22.8.0"
 * @param details further facts the worker reports (library features, versions of what it loaded), for diagnostics
 */
public record Greeting(String magic, int protocol, String codeVersion, Map<String, String> details) {

    public Greeting {
        details = Map.copyOf(details);
    }

    /** True if this is a matscreen worker that speaks this build's protocol. */
    public boolean compatible() {
        return Frames.MAGIC.equals(magic) && protocol == Frames.PROTOCOL;
    }
}
