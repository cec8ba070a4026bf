package org.matscreen.core.sim;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a code looks for the models a campaign names ({@link SimulationCode#models}).
 *
 * @param potentialDirectories folders of potential files, searched in order (the user's, then the installation's)
 * @param cacheDirectory where generated model files (potential families, DFT settings files) are written
 * @param source the campaign file, named in errors
 */
public record ModelLookup(List<Path> potentialDirectories, Path cacheDirectory, String source) {
    public ModelLookup {
        potentialDirectories = List.copyOf(potentialDirectories);
    }
}
