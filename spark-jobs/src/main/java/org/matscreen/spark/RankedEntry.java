package org.matscreen.spark;

import java.io.Serializable;

/**
 * A candidate as the ranked table shows it: identity, the values of the table's metrics and its objective costs
 * (smaller is better). Executors return only the few that can reach the table (see {@link TopCandidates}).
 *
 * @param phaseHint the VEC rule's phase expectation (fcc, bcc, fcc+bcc, unknown)
 * @param metrics values aligned with the table's metric keys
 * @param costs objective costs aligned with the campaign's objectives
 */
public record RankedEntry(String id, String formula, String prototype, String phaseHint, double[] metrics,
        double[] costs)
        implements Serializable {}
