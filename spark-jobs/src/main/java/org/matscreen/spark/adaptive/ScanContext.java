package org.matscreen.spark.adaptive;

import java.io.Serializable;
import org.matscreen.core.adaptive.RoundModel;
import org.matscreen.core.space.CandidateSpace;

/**
 * What executors need to score their slices in one round, broadcast once: the space (a description, not a list) and
 * the round's fitted model.
 */
public record ScanContext(CandidateSpace space, RoundModel model) implements Serializable {}
