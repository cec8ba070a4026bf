package org.matscreen.spark;

import java.io.Serializable;

/**
 * A candidate (or a per-composition aggregate of sampled candidates) as the ranked table shows it: identity, the
 * values of the table's metrics and its objective costs (smaller is better). Executors return only the few that can
 * reach the table (see {@link TopCandidates}).
 *
 * @param id the record's id, or the aggregate's group id
 * @param formula composition of the computed cell(s) as atomic fractions
 * @param phaseHint the VEC rule's phase expectation (fcc, bcc, fcc+bcc, unknown; "-" for a pure element)
 * @param metrics values aligned with the table's metric keys (means for an aggregate)
 * @param metricErrors standard errors of the means, aligned with metrics (NaN for a single record)
 * @param costs objective costs aligned with the campaign's objectives
 * @param samples OK records behind the entry (1 for a single record)
 */
public record RankedEntry(String id, String formula, String prototype, String phaseHint, double[] metrics,
        double[] metricErrors, double[] costs, int samples) implements Serializable {}
