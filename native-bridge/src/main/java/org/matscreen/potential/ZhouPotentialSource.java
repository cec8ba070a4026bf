package org.matscreen.potential;

import org.matscreen.core.sim.PotentialSource;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PotentialSpec;
import org.matscreen.core.util.Hashing;

/**
 * Generated Zhou–Johnson–Wadley 2004 {@code eam/alloy} files: one file per chemical system, all tabulated on the grid
 * and cut-off of the campaign's whole element set, so every system and every pure-element reference sees the same
 * functions. Files are generated where they are needed (on an executor, into its local cache) and are identical
 * everywhere, because the generator is deterministic; the family key fixes them.
 *
 * @param campaignElements every element of the campaign (fixes the grid)
 * @param cacheDir where files are generated; a relative or missing directory is created (executors pass their own)
 */
public record ZhouPotentialSource(List<String> campaignElements, String cacheDir) implements PotentialSource {
    /** The name campaigns use for this family. */
    public static final String NAME = "zhou2004";

    public ZhouPotentialSource {
        campaignElements = ZhouEamGenerator.fileOrder(campaignElements);
    }

    private ZhouEamGenerator generator() {
        return new ZhouEamGenerator();
    }

    /** The campaign grid: √5·max r_e cut-off and ρ range over all campaign elements. */
    public SetflGrid grid() {
        return generator().campaignGrid(campaignElements);
    }

    @Override
    public PotentialSpec spec() {
        String canonical = "zhou2004-family|" + ZhouEamGenerator.FORMAT_VERSION + "|" + grid().canonicalText() + "|"
                + String.join("\n", ZhouDatabase.standard().parameters(campaignElements).stream()
                        .map(ZhouParameters::canonicalText).toList());
        return new PotentialSpec(NAME, Hashing.sha256Hex(canonical), ZhouEamGenerator.PAIR_STYLE, campaignElements,
                ZhouEamGenerator.citation(campaignElements), FitScopes.standard().scopeOf(NAME, campaignElements));
    }

    @Override
    public PotentialRef fileFor(List<String> systemElements) {
        // Generated files are immutable and content-addressed, so one lookup per JVM, system and family suffices.
        String key = cacheDir + "|" + String.join("-", campaignElements) + "|" + String.join("-", systemElements);
        return FILES.computeIfAbsent(key, k -> generator().generate(systemElements, grid(), Path.of(cacheDir))
                .toPotentialRef());
    }

    private static final ConcurrentHashMap<String, PotentialRef> FILES = new ConcurrentHashMap<>();

    @Override
    public PotentialSource localised(String localCacheDir) {
        return new ZhouPotentialSource(campaignElements, localCacheDir);
    }

    @Override
    public PotentialRef referenceFile(ReferenceGroup group) {
        return fileFor(group.elements());
    }

    @Override
    public List<ReferenceGroup> referenceGroups(List<List<String>> systems) {
        TreeSet<String> els = new TreeSet<>();
        systems.forEach(els::addAll);
        // A pure element's functions are the same in every file of the family: one group, computed with the file of
        // all the elements needed.
        return List.of(new ReferenceGroup(spec().key(), fileFor(List.copyOf(els)), List.copyOf(els)));
    }

    @Override
    public String referenceGroupOf(List<String> systemElements) {
        return spec().key();
    }
}
