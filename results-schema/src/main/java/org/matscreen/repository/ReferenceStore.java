package org.matscreen.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.matscreen.core.properties.ElasticConstants;
import org.matscreen.core.properties.ReferenceEnergies;
import org.matscreen.core.structure.Prototype;

/**
 * Pure-element reference energies cached in a repository ({@code references.json}), keyed by potential checksum and
 * settings, so a rerun or a second campaign on the same potential does not recompute them.
 */
public final class ReferenceStore {

    /** The file's content. */
    public record Entries(List<Set> sets) {}

    /** References of one potential and settings key. */
    public record Set(String potentialSha256, String settingsKey, List<Entry> entries) {}

    /**
     * One element in one prototype.
     *
     * @param elastic its elastic constants (null when not computed, e.g. in files from before issue 13)
     */
    public record Entry(String element, String prototype, double energyPerAtomEv, double volumePerAtomA3,
            ElasticConstants elastic) {}

    private final RepositoryLayout layout;

    public ReferenceStore(RepositoryLayout layout) {
        this.layout = layout;
    }

    /** Cached references covering every element × prototype asked for, if present. */
    public Optional<ReferenceEnergies> find(String potentialSha256, String settingsKey, List<String> elements,
            List<Prototype> prototypes) {
        java.util.Map<String, List<Prototype>> required = new java.util.TreeMap<>();
        elements.forEach(e -> required.put(e, prototypes));
        return find(potentialSha256, settingsKey, required);
    }

    /** Cached references covering each element in the prototypes asked of it, if present. */
    public Optional<ReferenceEnergies> find(String potentialSha256, String settingsKey,
            java.util.Map<String, List<Prototype>> required) {
        Optional<Entries> file = JsonFiles.read(layout, layout.references(), Entries.class);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        for (Set s : file.get().sets()) {
            if (s.potentialSha256().equals(potentialSha256) && s.settingsKey().equals(settingsKey)) {
                ReferenceEnergies r = toReferences(s);
                boolean complete = required.entrySet().stream().allMatch(e -> e.getValue().stream()
                        .allMatch(p -> r.find(e.getKey(), p).isPresent()));
                if (complete) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    /** Every cached set (for reports). */
    public List<ReferenceEnergies> all() {
        return JsonFiles.read(layout, layout.references(), Entries.class).map(Entries::sets).orElse(List.of())
                .stream().map(ReferenceStore::toReferences).toList();
    }

    /** Stores (merging with what is there) the references of one potential and settings key. */
    public void store(String settingsKey, ReferenceEnergies refs) {
        List<Set> sets = new ArrayList<>(JsonFiles.read(layout, layout.references(), Entries.class)
                .map(Entries::sets).orElse(List.of()));
        sets.removeIf(s -> s.potentialSha256().equals(refs.potentialSha256()) && s.settingsKey().equals(settingsKey));
        List<Entry> entries = refs.entries().stream().map(e -> new Entry(e.element(), e.prototype().key(),
                e.energyPerAtomEv(), e.volumePerAtomA3(), e.elastic())).toList();
        sets.add(new Set(refs.potentialSha256(), settingsKey, entries));
        JsonFiles.write(layout, layout.references(), new Entries(sets));
    }

    private static ReferenceEnergies toReferences(Set s) {
        List<ReferenceEnergies.Entry> entries = s.entries().stream().map(e -> new ReferenceEnergies.Entry(e.element(),
                Prototype.parse(e.prototype(), "references.json", "prototype"), e.energyPerAtomEv(),
                e.volumePerAtomA3(), e.elastic())).toList();
        return new ReferenceEnergies(s.potentialSha256(), entries);
    }
}
