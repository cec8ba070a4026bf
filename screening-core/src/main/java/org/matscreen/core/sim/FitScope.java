package org.matscreen.core.sim;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which unlike-element interactions an interatomic potential was fitted to. Every potential matscreen uses is fitted
 * to its pure elements; what differs is the alloy: fitted to the whole system, to some of its binaries (or ternaries),
 * or to none, the cross terms then coming from a mixing rule (as in the Zhou–Johnson–Wadley 2004 family). A screen
 * ranking compositions by an energy is only as good as the pairs of each composition that were fitted.
 *
 * <p>A DFT method has no fit: every interaction comes from first principles ({@link #FIRST_PRINCIPLES}).
 *
 * @param known false if nobody stated the fit scope (a file matscreen's table does not list)
 * @param fittedPairs unlike pairs fitted to alloy data, each {@code A-B} with the symbols in alphabetical order
 * @param firstPrinciples true for a first-principles method (DFT), which needs no fit to any pair
 */
public record FitScope(boolean known, Set<String> fittedPairs, boolean firstPrinciples) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Nothing is known about the potential's fit. */
    public static final FitScope UNKNOWN = new FitScope(false, Set.of());
    /** Known to have no fitted unlike pair: cross terms from a mixing rule. */
    public static final FitScope MIXING_RULE = new FitScope(true, Set.of());
    /** A first-principles method: no interaction is fitted, none needs to be. */
    public static final FitScope FIRST_PRINCIPLES = new FitScope(true, Set.of(), true);

    /** The fit scope of an interatomic potential. */
    public FitScope(boolean known, Set<String> fittedPairs) {
        this(known, fittedPairs, false);
    }

    /** How well a potential's fit covers one composition. */
    public enum Fit {
        /** Every unlike pair of the composition was fitted (or the composition has one element). */
        FITTED,
        /** Some unlike pairs were fitted, the others come from a mixing rule. */
        PARTIAL,
        /** No unlike pair of the composition was fitted. */
        MIXING_RULE,
        /** The potential's fit scope is not stated. */
        UNKNOWN,
        /** A first-principles method (DFT): no interaction was fitted. */
        FIRST_PRINCIPLES;

        /**
         * As stored in records: {@code fitted}, {@code partial}, {@code mixing_rule}, {@code unknown},
         * {@code first_principles}.
         */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public FitScope {
        TreeSet<String> pairs = new TreeSet<>();
        for (String p : fittedPairs) {
            pairs.add(canonicalPair(p));
        }
        fittedPairs = java.util.Collections.unmodifiableSet(pairs);
    }

    /** Fitted to exactly these pairs, e.g. {@code of("Al-Ni", "Co-Ni")}. */
    public static FitScope of(String... pairs) {
        return new FitScope(true, Set.of(pairs));
    }

    /** Fitted to every unlike pair of these elements (a potential fitted to the whole system). */
    public static FitScope wholeSystem(List<String> elements) {
        return new FitScope(true, new TreeSet<>(pairs(elements)));
    }

    /** {@code Ni-Al} → {@code Al-Ni}. */
    public static String canonicalPair(String pair) {
        String[] e = pair.strip().split("-");
        if (e.length != 2 || e[0].isEmpty() || e[1].isEmpty() || e[0].equals(e[1])) {
            throw new IllegalArgumentException("not an unlike element pair: '" + pair + "'");
        }
        return e[0].compareTo(e[1]) < 0 ? e[0] + "-" + e[1] : e[1] + "-" + e[0];
    }

    /** Every unlike pair of a set of elements, canonical, in order. */
    public static List<String> pairs(List<String> elements) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(elements));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                out.add(sorted.get(i) + "-" + sorted.get(j));
            }
        }
        return out;
    }

    /** The pairs of these elements that were fitted, in order. */
    public List<String> fittedPairsOf(List<String> elements) {
        return pairs(elements).stream().filter(fittedPairs::contains).toList();
    }

    /** How the fit covers a composition of these elements. */
    public Fit fitOf(List<String> elements) {
        if (firstPrinciples) {
            return Fit.FIRST_PRINCIPLES;
        }
        if (!known) {
            return Fit.UNKNOWN;
        }
        List<String> all = pairs(elements);
        long fitted = all.stream().filter(fittedPairs::contains).count();
        if (fitted == all.size()) {
            return Fit.FITTED;
        }
        return fitted == 0 ? Fit.MIXING_RULE : Fit.PARTIAL;
    }

    /** The metrics that are energies of the potential, whose alloy values depend on its unlike pairs. */
    public static final Set<String> ENERGY_METRICS = Set.of("energy_per_atom_ev", "dh_mix_ev_per_atom",
            "dh_form_ev_per_atom");

    /**
     * A warning when a campaign filters or ranks by an energy (see {@link #ENERGY_METRICS}) although this potential
     * was not fitted to every unlike pair of the campaign's elements; empty otherwise.
     *
     * @param metricsUsed the metrics of the campaign's filters and objectives
     */
    public java.util.Optional<String> energyRankingWarning(java.util.Collection<String> metricsUsed,
            List<String> elements, String potentialName) {
        List<String> energies = metricsUsed.stream().filter(ENERGY_METRICS::contains).distinct().sorted().toList();
        Fit fit = fitOf(elements);
        if (energies.isEmpty() || fit == Fit.FITTED || fit == Fit.FIRST_PRINCIPLES) {
            return java.util.Optional.empty();
        }
        List<String> all = pairs(elements);
        String what = switch (fit) {
            case MIXING_RULE -> "was fitted to none of the " + all.size() + " unlike pairs of the campaign's elements:"
                    + " their interactions come from a mixing rule";
            case PARTIAL -> "was fitted to " + fittedPairsOf(elements).size() + " of the " + all.size()
                    + " unlike pairs of the campaign's elements (" + String.join(" ", fittedPairsOf(elements))
                    + "); the others come from a mixing rule";
            default -> "has no stated fit scope for the campaign's elements";
        };
        return java.util.Optional.of("the campaign filters or ranks by " + String.join(", ", energies)
                + ", but potential " + potentialName + " " + what + ", so alloy energies (signs included) may be"
                + " wrong");
    }

    /**
     * Canonical text, as records store it: {@code unknown}, {@code first-principles}, or {@code fitted:} followed by
     * the pairs.
     */
    public String key() {
        return firstPrinciples ? "first-principles" : known ? "fitted:" + String.join(",", fittedPairs) : "unknown";
    }

    /** Inverse of {@link #key()}. */
    public static FitScope parse(String key) {
        if (key == null || key.isEmpty() || key.equals("unknown")) {
            return UNKNOWN;
        }
        if (key.equals("first-principles")) {
            return FIRST_PRINCIPLES;
        }
        if (!key.startsWith("fitted:")) {
            throw new IllegalArgumentException("not a fit scope: '" + key + "'");
        }
        String rest = key.substring("fitted:".length());
        return new FitScope(true, rest.isEmpty() ? Set.of() : Set.of(rest.split(",")));
    }
}
