package org.matscreen.potential;

import org.matscreen.core.sim.PotentialSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.sim.FitScope;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PotentialSpec;
import org.matscreen.core.util.Hashing;

/**
 * A potential file per chemical system, e.g. the best binary potential of Debian's {@code lammps-data} for each binary
 * of a campaign. Energies are comparable only within one file, so references are computed per file and every
 * candidate is referenced to the pure elements under its own file.
 *
 * @param bySystem canonical chemical system ({@code Cu-Ni}) → file
 */
public record SystemMapPotentialSource(Map<String, PotentialRef> bySystem) implements PotentialSource {

    public SystemMapPotentialSource {
        bySystem = new TreeMap<>(bySystem);
    }

    /** Checks that every system of the campaign has a file that covers it. */
    public void requireCoverage(List<List<String>> systems, String source, String field) {
        for (List<String> sys : systems) {
            String key = String.join("-", sys);
            PotentialRef f = bySystem.get(key);
            if (f == null) {
                throw new InvalidInputException(source, field, "no potential is given for the chemical system " + key
                        + " (given: " + bySystem.keySet() + ")");
            }
            PotentialRegistry.requireCoverage(f, sys, source, field + "." + key);
        }
    }

    @Override
    public PotentialSpec spec() {
        StringBuilder canonical = new StringBuilder("system-map|");
        TreeSet<String> elements = new TreeSet<>();
        Map<String, String> citations = new LinkedHashMap<>();
        bySystem.forEach((sys, f) -> {
            canonical.append(sys).append('=').append(f.sha256()).append(';');
            elements.addAll(f.elements());
            citations.putIfAbsent(f.name(), f.name() + ": " + f.citation());
        });
        String style = bySystem.values().iterator().next().pairStyle();
        return new PotentialSpec("per-system:" + String.join(",", citations.keySet()),
                Hashing.sha256Hex(canonical.toString()), style, List.copyOf(elements),
                String.join("; ", citations.values()), fitScope());
    }

    /** The pairs each system's own file was fitted to, over all systems; unknown if any file's scope is. */
    private FitScope fitScope() {
        TreeSet<String> pairs = new TreeSet<>();
        for (Map.Entry<String, PotentialRef> e : bySystem.entrySet()) {
            FitScope s = FitScopes.standard().scopeOf(e.getValue().name(), e.getValue().elements());
            if (!s.known()) {
                return FitScope.UNKNOWN;
            }
            pairs.addAll(s.fittedPairsOf(List.of(e.getKey().split("-"))));
        }
        return new FitScope(true, pairs);
    }

    @Override
    public PotentialRef fileFor(List<String> systemElements) {
        PotentialRef f = bySystem.get(String.join("-", systemElements));
        if (f == null) {
            throw new IllegalArgumentException("no potential for " + systemElements);
        }
        return f;
    }

    @Override
    public List<ReferenceGroup> referenceGroups(List<List<String>> systems) {
        Map<String, TreeSet<String>> elementsByFile = new TreeMap<>();
        Map<String, PotentialRef> files = new TreeMap<>();
        for (List<String> sys : systems) {
            PotentialRef f = fileFor(sys);
            files.put(f.sha256(), f);
            elementsByFile.computeIfAbsent(f.sha256(), k -> new TreeSet<>()).addAll(sys);
        }
        List<ReferenceGroup> groups = new ArrayList<>();
        elementsByFile.forEach((sha, els) -> groups.add(new ReferenceGroup(sha, files.get(sha), List.copyOf(els))));
        return groups;
    }

    @Override
    public String referenceGroupOf(List<String> systemElements) {
        return fileFor(systemElements).sha256();
    }
}
