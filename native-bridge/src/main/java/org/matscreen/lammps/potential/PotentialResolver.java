package org.matscreen.lammps.potential;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.matscreen.core.campaign.MethodSpec;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.sim.PotentialRef;

/**
 * Turns a campaign's {@code method.potential} into a {@link PotentialSource}, checking everything that can be checked
 * before work starts: the file exists, is a valid setfl file of a supported style, and covers every chemical system;
 * for {@code zhou2004}, every element is one of the 17 parametrised metals.
 */
public final class PotentialResolver {
    private final PotentialRegistry registry;
    private final Path cacheDir;

    /**
     * @param cacheDir where generated potentials are cached on this machine
     */
    public PotentialResolver(PotentialRegistry registry, Path cacheDir) {
        this.registry = registry;
        this.cacheDir = cacheDir;
    }

    /** The default cache of generated potentials: {@code $MATSCREEN_CACHE/potentials} or {@code ~/.cache/matscreen}. */
    public static Path defaultCacheDir() {
        String env = System.getenv("MATSCREEN_CACHE");
        Path base = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "matscreen");
        return base.resolve("potentials");
    }

    /**
     * @param systems every chemical system of the campaign (elements alphabetical)
     * @param source the campaign file, for messages
     */
    public PotentialSource resolve(MethodSpec method, List<List<String>> systems, String source) {
        String field = "method.potential";
        if (!method.potentialBySystem().isEmpty()) {
            Map<String, PotentialRef> files = new TreeMap<>();
            method.potentialBySystem().forEach((sys, name) -> files.put(sys, registry.resolve(name, source,
                    field + "." + sys)));
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
