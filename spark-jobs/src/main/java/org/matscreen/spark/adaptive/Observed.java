package org.matscreen.spark.adaptive;

import java.io.Serializable;

/**
 * A committed record as an adaptive strategy reads it: its candidate index, id, status and the values of the
 * strategy's quantities (NaN where unknown, e.g. for a failed calculation), in the quantities' order.
 */
public record Observed(long index, String id, String status, double[] values) implements Serializable {}
