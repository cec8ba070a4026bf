package org.matscreen.spark.adaptive;

import java.io.Serializable;

/**
 * A committed record as an adaptive strategy reads it: its candidate index, id and status, whether the campaign's
 * ranking leaves it out for its flags (a cell that transformed, a relaxation that did not converge, …), and the
 * values of the strategy's quantities (NaN where unknown, e.g. for a failed calculation), in the quantities' order.
 */
public record Observed(long index, String id, String status, boolean excluded, double[] values)
        implements Serializable {}
