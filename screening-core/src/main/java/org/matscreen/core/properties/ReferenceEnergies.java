package org.matscreen.core.properties;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.structure.Prototype;

/**
 * Relaxed energies of the pure elements with one potential and one set of settings, in every prototype computed.
 * Mixing enthalpies use the candidate's own prototype; formation enthalpies use each element's lowest-energy
 * prototype under this potential (its ground state among fcc, bcc and hcp).
 *
 * @param potentialSha256 the potential the energies belong to
 * @param entries one entry per (element, prototype)
 */
public record ReferenceEnergies(String potentialSha256, List<Entry> entries) implements Serializable {

    /**
     * @param energyPerAtomEv relaxed energy per atom (shape-fixed relaxation), eV
     * @param volumePerAtomA3 relaxed volume per atom, Å³
     * @param elastic the element's elastic constants in this prototype (null if not computed)
     */
    public record Entry(String element, Prototype prototype, double energyPerAtomEv, double volumePerAtomA3,
            ElasticConstants elastic) implements Serializable {

        /** An entry without elastic constants. */
        public Entry(String element, Prototype prototype, double energyPerAtomEv, double volumePerAtomA3) {
            this(element, prototype, energyPerAtomEv, volumePerAtomA3, null);
        }

        /** Born stability of the element in this prototype; null when its elastic constants are unknown. */
        public Boolean mechanicallyStable() {
            return elastic == null ? null : elastic.mechanicallyStable();
        }
    }

    public ReferenceEnergies {
        entries = List.copyOf(entries);
    }

    public Optional<Entry> find(String element, Prototype prototype) {
        return entries.stream().filter(e -> e.element.equals(element) && e.prototype == prototype).findFirst();
    }

    /** The element's lowest-energy entry (its ground state under this potential). */
    public Optional<Entry> groundState(String element) {
        return entries.stream().filter(e -> e.element.equals(element))
                .min(Comparator.comparingDouble(Entry::energyPerAtomEv));
    }

    /** Σ x_i E_i over the composition with E_i from {@code prototype}, eV/atom; empty if an entry is missing. */
    public Optional<Double> weightedEnergy(Composition c, Prototype prototype) {
        return weighted(c, el -> find(el, prototype));
    }

    /** Σ x_i E_i with each element in its ground state, eV/atom. */
    public Optional<Double> weightedGroundStateEnergy(Composition c) {
        return weighted(c, this::groundState);
    }

    /** Σ x_i V_i with each element in the given prototype, Å³/atom (Vegard's law for volume). */
    public Optional<Double> weightedVolume(Composition c, Prototype prototype) {
        double v = 0;
        double[] x = c.fractions();
        List<String> symbols = c.symbols();
        for (int i = 0; i < x.length; i++) {
            Optional<Entry> e = find(symbols.get(i), prototype);
            if (e.isEmpty()) {
                return Optional.empty();
            }
            v += x[i] * e.get().volumePerAtomA3;
        }
        return Optional.of(v);
    }

    private Optional<Double> weighted(Composition c, java.util.function.Function<String, Optional<Entry>> lookup) {
        double sum = 0;
        double[] x = c.fractions();
        List<String> symbols = c.symbols();
        for (int i = 0; i < x.length; i++) {
            Optional<Entry> e = lookup.apply(symbols.get(i));
            if (e.isEmpty()) {
                return Optional.empty();
            }
            sum += x[i] * e.get().energyPerAtomEv;
        }
        return Optional.of(sum);
    }

    /** Entries that are mechanically unstable (Born criteria), in entry order. */
    public List<Entry> unstable() {
        return entries.stream().filter(e -> Boolean.FALSE.equals(e.mechanicallyStable())).toList();
    }

    /** Entries as element → prototype → energy, for printing. */
    public Map<String, Map<Prototype, Double>> table() {
        Map<String, Map<Prototype, Double>> t = new TreeMap<>();
        for (Entry e : entries) {
            t.computeIfAbsent(e.element, k -> new TreeMap<>()).put(e.prototype, e.energyPerAtomEv);
        }
        return t;
    }
}
