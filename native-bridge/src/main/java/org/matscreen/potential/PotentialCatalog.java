package org.matscreen.potential;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.plan.PotentialCostClass;
import org.matscreen.core.sim.FitScope;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.kim.KimModel;
import org.matscreen.kim.KimModels;

/**
 * Every potential matscreen can use, in one list: setfl files of the potential folders, the generated Zhou 2004
 * family, and the installed KIM portable models, each with kind, elements, citation, cost class and fit scope.
 */
public final class PotentialCatalog {
    private static final Pattern DOI = Pattern.compile("doi:\\s*(10\\.[0-9]{4,9}/\\S+?)[,;)]?(\\s|$)");

    private final PotentialRegistry registry;
    private final Supplier<KimModels> kim;
    private String kimProblem;

    /** @param kim the KIM models (may throw a {@link MatscreenException} if the KIM API is missing) */
    public PotentialCatalog(PotentialRegistry registry, Supplier<KimModels> kim) {
        this.registry = registry;
        this.kim = kim;
    }

    /** Why KIM models are missing from the last {@link #list()}, if they are. */
    public Optional<String> kimProblem() {
        return Optional.ofNullable(kimProblem);
    }

    /** Every usable potential: files, the generated family, KIM models. */
    public List<PotentialEntry> list() {
        FitScopes table = FitScopes.standard();
        List<PotentialEntry> out = new ArrayList<>();
        for (PotentialRef f : registry.list()) {
            out.add(entry(f.name(), "file", f.pairStyle().equals("eam/fs") ? "EAM/FS" : "EAM", f.elements(),
                    f.citation(), doiIn(f.citation()), PotentialCostClass.EAM, table));
        }
        List<String> zhou = ZhouDatabase.standard().elements();
        out.add(entry(ZhouPotentialSource.NAME, "generated", "EAM", zhou, ZhouEamGenerator.citation(zhou),
                "10.1103/PhysRevB.69.144113", PotentialCostClass.EAM, table));
        kimProblem = null;
        List<KimModel> models;
        try {
            models = kim.get().list();
        } catch (MatscreenException e) {
            kimProblem = e.getMessage();
            models = List.of();
        }
        for (KimModel m : models) {
            String doi = m.spec().sourceDois().stream().filter(d -> !d.isEmpty()).findFirst().orElse(m.spec().doi());
            out.add(entry("kim:" + m.id(), "kim", m.spec().kind(), m.spec().species(), m.spec().citation(), doi,
                    PotentialCostClass.ofKimKind(m.spec().kind()), table));
        }
        return out;
    }

    private static PotentialEntry entry(String name, String origin, String kind, List<String> elements,
            String citation, String doi, PotentialCostClass cost, FitScopes table) {
        FitScope scope = table.scopeOf(name, elements);
        String ref = table.entry(name).map(FitScopes.Entry::reference).orElse("");
        return new PotentialEntry(name, origin, kind, elements, citation, doi, cost, scope, ref);
    }

    static String doiIn(String citation) {
        Matcher m = DOI.matcher(citation);
        return m.find() ? m.group(1) : "";
    }

    /** The potentials that cover all of these elements. */
    public List<PotentialEntry> covering(List<String> elements) {
        return list().stream().filter(e -> e.covers(elements)).toList();
    }

    /**
     * Potentials covering the elements whose fit reaches some of their pairs, most fitted pairs first, then cheapest:
     * what {@code plan} suggests instead of a mixing rule.
     */
    public static List<PotentialEntry> fittedFor(List<PotentialEntry> all, List<String> elements) {
        return all.stream().filter(e -> e.covers(elements))
                .filter(e -> !e.fitScope().fittedPairsOf(elements).isEmpty())
                .sorted(Comparator.comparingInt((PotentialEntry e) -> -e.fitScope().fittedPairsOf(elements).size())
                        .thenComparingDouble(e -> e.costClass().relativeCost())
                        .thenComparingInt(e -> e.elements().size()))
                .toList();
    }
}
