package org.matscreen.potential;

import org.matscreen.core.sim.PotentialSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.matscreen.core.campaign.MethodSpec;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.kim.KimModel;
import org.matscreen.kim.KimModelId;
import org.matscreen.kim.KimModels;

/**
 * Turns a campaign's {@code method.potential} (one potential, or each member of an ensemble) into a
 * {@link PotentialSource}, checking everything that can be checked
 * before work starts: the file exists, is a valid setfl file of a supported style, and covers every chemical system;
 * for {@code zhou2004}, every element is one of the 17 parametrised metals; for {@code kim:<id>}, the id is well formed,
 * names an installed portable model whose driver is installed, and its species cover every element.
 */
public final class PotentialResolver {
    private final PotentialRegistry registry;
    private final Path cacheDir;
    private final Supplier<KimModels> kim;

    /**
     * @param cacheDir where generated potentials are cached on this machine
     */
    public PotentialResolver(PotentialRegistry registry, Path cacheDir) {
        this(registry, cacheDir, KimModels::standard);
    }

    /** As above, with the KIM models to resolve {@code kim:<id>} against (looked up only when a campaign names one). */
    public PotentialResolver(PotentialRegistry registry, Path cacheDir, Supplier<KimModels> kim) {
        this.registry = registry;
        this.cacheDir = cacheDir;
        this.kim = kim;
    }

    /** The default cache of generated potentials: {@code $MATSCREEN_CACHE/potentials} or {@code ~/.cache/matscreen}. */
    public static Path defaultCacheDir() {
        String env = System.getenv("MATSCREEN_CACHE");
        Path base = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "matscreen");
        return base.resolve("potentials");
    }

    /**
     * Every potential of a campaign in member order: its one potential, or each member of its ensemble. A member
     * that is missing or does not cover every element of the campaign is refused naming its position
     * ({@code method.potential[i]}) and name; two members that are the same potential under two names (the same
     * file content, model or family) are refused too.
     *
     * @param systems every chemical system of the campaign (elements alphabetical)
     * @param source the campaign file, for messages
     */
    public List<PotentialSource> resolveAll(MethodSpec method, List<List<String>> systems, String source) {
        if (!method.isEnsemble()) {
            return List.of(resolve(method, systems, source));
        }
        List<PotentialSource> out = new ArrayList<>();
        List<String> names = method.ensemble();
        for (int i = 0; i < names.size(); i++) {
            String field = "method.potential[" + i + "]";
            PotentialSource s = resolve(method.member(names.get(i)), systems, source, field);
            for (int j = 0; j < out.size(); j++) {
                if (out.get(j).spec().key().equals(s.spec().key())) {
                    throw new InvalidInputException(source, field, "potential " + names.get(i) + " is the same"
                            + " potential as member [" + j + "] " + names.get(j) + " (same content key "
                            + s.spec().key().substring(0, Math.min(12, s.spec().key().length())) + "…); each member"
                            + " must be a different potential");
                }
            }
            out.add(s);
        }
        return out;
    }

    /**
     * @param systems every chemical system of the campaign (elements alphabetical)
     * @param source the campaign file, for messages
     */
    public PotentialSource resolve(MethodSpec method, List<List<String>> systems, String source) {
        return resolve(method, systems, source, "method.potential");
    }

    private PotentialSource resolve(MethodSpec method, List<List<String>> systems, String source, String field) {
        if (method.isEnsemble()) {
            throw new IllegalArgumentException("an ensemble has several potentials: resolve them with resolveAll");
        }
        if (!method.potentialBySystem().isEmpty()) {
            Map<String, PotentialRef> files = new TreeMap<>();
            method.potentialBySystem().forEach((sys, name) -> {
                if (KimModelId.isKim(name)) {
                    throw new InvalidInputException(source, field + "." + sys, "a per-system map takes potential"
                            + " files; a KIM model covers all its species at once: write potential: " + name);
                }
                files.put(sys, registry.resolve(name, source, field + "." + sys));
            });
            SystemMapPotentialSource s = new SystemMapPotentialSource(files);
            s.requireCoverage(systems, source, field);
            requireOneStyle(files, source, field);
            return s;
        }
        if (method.potential().equals(ZhouPotentialSource.NAME)) {
            List<String> all = systems.stream().flatMap(List::stream).distinct().sorted().toList();
            ZhouDatabase db = ZhouDatabase.standard();
            List<String> unsupported = all.stream().filter(e -> !db.supports(e)).toList();
            if (!unsupported.isEmpty()) {
                throw new InvalidInputException(source, field, "zhou2004 has no parameters for " + unsupported
                        + " (it covers " + String.join(" ", db.elements()) + ")");
            }
            return new ZhouPotentialSource(all, cacheDir.toString());
        }
        if (KimModelId.isKim(method.potential())) {
            KimModelId.parse(method.potential(), source, field); // a hostile id is refused before the KIM API is asked
            KimModel model = kim.get().resolve(method.potential(), source, field);
            List<String> all = systems.stream().flatMap(List::stream).distinct().sorted().toList();
            PotentialRegistry.requireCoverage(model.toPotentialRef(), all, source, field);
            return KimPotentialSource.of(model);
        }
        PotentialRef file = registry.resolve(method.potential(), source, field);
        List<String> all = systems.stream().flatMap(List::stream).distinct().sorted().toList();
        PotentialRegistry.requireCoverage(file, all, source, field);
        return new FilePotentialSource(file);
    }

    private static void requireOneStyle(Map<String, PotentialRef> files, String source, String field) {
        long styles = files.values().stream().map(PotentialRef::pairStyle).distinct().count();
        if (styles > 1) {
            throw new InvalidInputException(source, field, "all potentials of a campaign must share one pair style");
        }
    }
}
