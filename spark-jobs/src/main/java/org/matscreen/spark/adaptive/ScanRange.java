package org.matscreen.spark.adaptive;

import java.io.Serializable;

/** Candidates {@code [start, end)} of the enumeration, scored by one task. */
public record ScanRange(long start, long end) implements Serializable {}
