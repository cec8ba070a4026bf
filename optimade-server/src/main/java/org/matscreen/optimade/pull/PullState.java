package org.matscreen.optimade.pull;

/**
 * Where a pull has got to, kept in {@code <repository>/pull/state.json} and replaced atomically after every committed
 * page, so an interrupted pull resumes at the first page it had not committed.
 *
 * @param baseUrl the server pulled from, as given
 * @param filter the filter, as given ("" for none)
 * @param nextUrl the next page to fetch; null when the last page has been committed
 * @param pages pages committed
 * @param received entries received
 * @param imported records written to the repository
 * @param alreadyPresent entries whose id the repository already held (an earlier pull, or a page fetched twice)
 * @param notRepresentable entries kept verbatim under {@code pull/foreign/} because they are not matscreen records
 * @param startedAt when the pull started (RFC 3339)
 * @param updatedAt when the state was last written (RFC 3339)
 */
public record PullState(String baseUrl, String filter, String nextUrl, long pages, long received, long imported,
        long alreadyPresent, long notRepresentable, boolean complete, String startedAt, String updatedAt) {}
