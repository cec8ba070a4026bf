package org.matscreen.core.descriptors;

/** Which way a descriptor is better by default, for ranking and Pareto fronts when a criterion does not say. */
public enum Direction {
    MINIMISE("minimise"),
    MAXIMISE("maximise"),
    /** No default: the descriptor is screened against a window (e.g. VEC, ΔH_mix), not pushed one way. */
    NONE("none");

    private final String word;

    Direction(String word) {
        this.word = word;
    }

    /** The word used in campaign files and reports: {@code minimise}, {@code maximise} or {@code none}. */
    public String word() {
        return word;
    }
}
