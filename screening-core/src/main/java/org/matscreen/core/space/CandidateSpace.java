package org.matscreen.core.space;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.structure.Prototype;

/**
 * The enumerable candidate space of a campaign: chemical systems × compositions × prototypes in a fixed order, with
 * its size known in advance and random access by index. Nothing is materialised per candidate: a system holds its
 * bounded-composition counter, so a slice {@code [start, end)} can be generated anywhere (on a Spark executor) from
 * this object and two numbers.
 *
 * <p>Order: systems in lexicographic order of the element list's indices (explicit lists: as given, grouped by
 * system in order of first appearance), then compositions in lexicographic order of atom counts, then prototypes in
 * campaign order, then samples (independent orderings of the same composition, adjacent so that they usually land in
 * one partition), then the members of an ensemble of potentials (innermost: every member of a cell is adjacent, so a
 * range carries the members' costs in their proportion and a partial run has computed whole ensembles).
 */
public final class CandidateSpace implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One chemical system and its compositions. */
    private static final class SystemSlice implements Serializable {
        private static final long serialVersionUID = 1L;
        final String[] elements; // alphabetical
        final BoundedCompositions grid; // null for explicit or equiatomic systems
        final Composition[] listed; // explicit compositions, or the single equiatomic one

        SystemSlice(String[] elements, BoundedCompositions grid, Composition[] listed) {
            this.elements = elements;
            this.grid = grid;
            this.listed = listed;
        }

        long compositions() {
            return grid != null ? grid.count() : listed.length;
        }

        Composition composition(long i, int denominator) {
            if (grid == null) {
                return listed[(int) i];
            }
            int[] n = grid.unrank(i);
            Map<String, Integer> m = new LinkedHashMap<>();
            for (int k = 0; k < n.length; k++) {
                m.put(elements[k], n[k]);
            }
            // Amounts are grid numerators scaled to fractions: Cu19Ni1 over 20 is Cu0.95Ni0.05.
            Map<String, Double> f = new LinkedHashMap<>();
            m.forEach((el, v) -> f.put(el, (double) v / denominator));
            return Composition.of(f);
        }
    }

    private final SystemSlice[] systems;
    private final long[] cumulative; // cumulative[i] = first candidate index of system i
    private final Prototype[] prototypes;
    private final int samples;
    private final int members;
    private final int denominator;
    private final long size;

    private CandidateSpace(List<SystemSlice> systems, List<Prototype> prototypes, int samples, int members,
            int denominator) {
        this.systems = systems.toArray(new SystemSlice[0]);
        this.prototypes = prototypes.toArray(new Prototype[0]);
        this.samples = samples;
        this.members = members;
        this.denominator = denominator;
        this.cumulative = new long[this.systems.length + 1];
        for (int i = 0; i < this.systems.length; i++) {
            cumulative[i + 1] = Math.addExact(cumulative[i], Math.multiplyExact(this.systems[i].compositions(),
                    Math.multiplyExact((long) this.prototypes.length * samples, members)));
        }
        this.size = cumulative[this.systems.length];
    }

    /**
     * Compiles a chemical space with one sample per composition. Errors (e.g. bounds that leave nothing) name
     * {@code source}.
     */
    public static CandidateSpace of(ChemicalSpace space, List<Prototype> prototypes, String source) {
        return of(space, prototypes, 1, source);
    }

    /** Compiles a chemical space with {@code samples} independent orderings of every composition and prototype. */
    public static CandidateSpace of(ChemicalSpace space, List<Prototype> prototypes, int samples, String source) {
        return of(space, prototypes, samples, 1, source);
    }

    /**
     * Compiles a chemical space with {@code samples} independent orderings of every composition and prototype, each
     * computed with {@code members} potentials (an ensemble; 1 for a single potential).
     */
    public static CandidateSpace of(ChemicalSpace space, List<Prototype> prototypes, int samples, int members,
            String source) {
        if (members < 1) {
            throw new InvalidInputException(source, "method.potential", "needs at least one potential");
        }
        if (samples < 1) {
            throw new InvalidInputException(source, "structure.samples", "must be at least 1, got " + samples);
        }
        if (prototypes.isEmpty()) {
            throw new InvalidInputException(source, "structure.prototypes", "at least one prototype is needed");
        }
        List<SystemSlice> slices = new ArrayList<>();
        if (!space.explicit().isEmpty()) {
            Map<String, List<Composition>> bySystem = new LinkedHashMap<>();
            for (Composition c : space.explicit()) {
                bySystem.computeIfAbsent(c.chemicalSystem(), k -> new ArrayList<>()).add(c.normalized());
            }
            bySystem.forEach((k, list) -> slices.add(new SystemSlice(k.split("-"), null,
                    list.toArray(new Composition[0]))));
            return new CandidateSpace(slices, prototypes, samples, members, 0);
        }
        List<String> others = new ArrayList<>(space.elements());
        others.removeAll(space.base());
        others.sort(null);
        int d = space.gridDenominator();
        for (int order : space.orders()) {
            int extra = order - space.base().size();
            if (extra < 0 || extra > others.size()) {
                continue;
            }
            int[] pick = Combinations.first(extra);
            do {
                List<String> els = new ArrayList<>(space.base());
                for (int p : pick) {
                    els.add(others.get(p));
                }
                els.sort(null);
                String[] e = els.toArray(new String[0]);
                SystemSlice s = space.equiatomicOnly() ? equiatomic(e, space) : grid(e, space, d);
                if (s != null && s.compositions() > 0) {
                    slices.add(s);
                }
            } while (extra > 0 && Combinations.next(pick, others.size()));
        }
        return new CandidateSpace(slices, prototypes, samples, members, d);
    }

    private static SystemSlice grid(String[] e, ChemicalSpace space, int d) {
        int[] lo = new int[e.length];
        int[] hi = new int[e.length];
        for (int i = 0; i < e.length; i++) {
            // Present means at least one grid step; bounds are rounded inwards with a tolerance for 0.05*20 = 0.99999.
            lo[i] = Math.max(1, (int) Math.ceil(space.minFraction(e[i]) * d - 1e-9));
            hi[i] = Math.min(d, (int) Math.floor(space.maxFraction(e[i]) * d + 1e-9));
            if (lo[i] > hi[i]) {
                return null;
            }
        }
        return new SystemSlice(e, new BoundedCompositions(d, lo, hi), null);
    }

    private static SystemSlice equiatomic(String[] e, ChemicalSpace space) {
        double x = 1.0 / e.length;
        for (String el : e) {
            if (x < space.minFraction(el) - 1e-12 || x > space.maxFraction(el) + 1e-12) {
                return null;
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (String el : e) {
            m.put(el, x);
        }
        return new SystemSlice(e, null, new Composition[] {Composition.of(m)});
    }

    /** Number of candidates. */
    public long size() {
        return size;
    }

    public int systemCount() {
        return systems.length;
    }

    public List<Prototype> prototypes() {
        return List.of(prototypes);
    }

    /**
     * The prototypes in the period of the enumeration: each prototype repeated {@link #samples()} × {@link #members()}
     * times, in campaign order, so candidate {@code i} has prototype
     * {@code prototypeCycle().get(i % prototypeCycle().size())} (every system starts at a multiple of the period).
     * What cost-aware partitioning needs.
     */
    public List<Prototype> prototypeCycle() {
        List<Prototype> cycle = new ArrayList<>(prototypes.length * samples * members);
        for (Prototype p : prototypes) {
            for (int s = 0; s < samples * members; s++) {
                cycle.add(p);
            }
        }
        return cycle;
    }

    /** Independent orderings per composition and prototype. */
    public int samples() {
        return samples;
    }

    /** Potentials each cell is computed with (an ensemble's size; 1 for a single potential). */
    public int members() {
        return members;
    }

    /** Candidates per chemical system (system key → count), in enumeration order. */
    public Map<String, Long> countsPerSystem() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < systems.length; i++) {
            m.merge(String.join("-", systems[i].elements), cumulative[i + 1] - cumulative[i], Long::sum);
        }
        return m;
    }

    /** Candidates per order (number of elements), for plans. */
    public Map<Integer, Long> countsPerOrder() {
        Map<Integer, Long> m = new TreeMap<>();
        for (int i = 0; i < systems.length; i++) {
            m.merge(systems[i].elements.length, cumulative[i + 1] - cumulative[i], Long::sum);
        }
        return m;
    }

    /** Every chemical system (elements alphabetical), in enumeration order. */
    public List<List<String>> systems() {
        return Arrays.stream(systems).map(s -> List.of(s.elements)).toList();
    }

    /** Every element that occurs in some candidate, alphabetical. */
    public List<String> elementsUsed() {
        return Arrays.stream(systems).flatMap(s -> Arrays.stream(s.elements)).distinct().sorted().toList();
    }

    /** The candidate at {@code index}. */
    public Candidate candidate(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("candidate " + index + " of " + size);
        }
        int sys = Arrays.binarySearch(cumulative, index);
        sys = sys >= 0 ? sys : -sys - 2;
        while (cumulative[sys + 1] <= index) { // skip empty systems sharing a boundary
            sys++;
        }
        long local = index - cumulative[sys];
        int member = (int) (local % members);
        long cell = local / members;
        int sample = (int) (cell % samples);
        long slot = cell / samples;
        long comp = slot / prototypes.length;
        Prototype p = prototypes[(int) (slot % prototypes.length)];
        return new Candidate(index, systems[sys].composition(comp, denominator), p, sample, member);
    }

    /** Candidates {@code [start, end)} in order, generated lazily. */
    public Iterator<Candidate> range(long start, long end) {
        if (start < 0 || end > size || start > end) {
            throw new IndexOutOfBoundsException("range [" + start + ", " + end + ") of " + size);
        }
        return new Iterator<>() {
            long next = start;

            @Override
            public boolean hasNext() {
                return next < end;
            }

            @Override
            public Candidate next() {
                if (next >= end) {
                    throw new NoSuchElementException();
                }
                return candidate(next++);
            }
        };
    }
}
