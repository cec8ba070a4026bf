package org.matscreen.core.result;

import java.io.Serializable;

/**
 * Where and when a record was computed.
 *
 * @param matscreenVersion version of the matscreen build
 * @param matscreenCommit git commit of the build ("unknown" outside a checkout)
 * @param codeVersion simulation code version as the library reports it
 * @param host host name of the machine that ran the calculation
 * @param startedAtEpochMs start, ms since the Unix epoch (UTC)
 * @param finishedAtEpochMs end, ms since the Unix epoch
 * @param wallSeconds wall time of the candidate including structure building and analysis, s
 * @param nativeSeconds time inside the simulation code, s
 * @param origin how the record reached this repository: {@value #COMPUTED}, {@code cache:<campaign>} (an identical
 *     calculation reused from the result cache) or {@code pulled:<url>} (copied from a remote repository)
 */
public record Provenance(String matscreenVersion, String matscreenCommit, String codeVersion, String host,
        long startedAtEpochMs, long finishedAtEpochMs, double wallSeconds, double nativeSeconds, String origin)
        implements Serializable {
    public static final String COMPUTED = "computed";

    public Provenance {
        origin = origin == null || origin.isBlank() ? COMPUTED : origin;
    }

    /** The same provenance with another origin. */
    public Provenance withOrigin(String newOrigin) {
        return new Provenance(matscreenVersion, matscreenCommit, codeVersion, host, startedAtEpochMs,
                finishedAtEpochMs, wallSeconds, nativeSeconds, newOrigin);
    }
}
