package org.matscreen.spark;

import java.io.Serializable;

/**
 * A candidate as the ranked table shows it: identity, the values of the table's metrics and its objective costs
 * (smaller is better). Executors return only the few that can reach the table (see {@link TopCandidates}).
 *
 * @param metrics values aligned with the table's metric keys
 * @param costs objective costs aligned with the campaign's objectives
 */
public record RankedEntry(String id, String formula, String prototype, double[] metrics, double[] costs)
        implements Serializable {}
