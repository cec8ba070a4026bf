package org.matscreen.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.matscreen.core.campaign.CampaignLoader;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.core.yaml.YamlReader;
import org.matscreen.lammps.potential.PotentialRegistry;
import org.matscreen.lammps.potential.PotentialResolver;
import org.matscreen.lammps.potential.PotentialSource;

/**
 * A campaign validated as far as possible before any expensive work: the file (see {@link CampaignLoader}), then the
 * potential (each file resolved to one checksummed file that covers its chemical systems, or a generated family whose
 * parameters cover every element). Shared by {@code run}, {@code plan} and {@code submit}, so all of them refuse the
 * same bad input with the same message.
 */
record PreparedCampaign(CampaignSpec spec, String yaml, PotentialSource potentials, CandidateSpace space) {

    static PreparedCampaign load(Path file, MatscreenConfig config) {
        return load(file, config, PotentialResolver.defaultCacheDir());
    }

    /** @param potentialCache where generated potentials are cached (see {@link CacheLocation#potentials}) */
    static PreparedCampaign load(Path file, MatscreenConfig config, Path potentialCache) {
        // read once: the text validated is the text the manifest keeps
        String yaml = YamlReader.readText(file);
        CampaignSpec spec = CampaignLoader.parse(yaml, file.toString());
        CandidateSpace space = CandidateSpace.of(spec.space(), spec.structure().prototypes(), spec.structure().samples(),
                spec.source());
        PotentialSource potentials = new PotentialResolver(registry(config), potentialCache)
                .resolve(spec.method(), space.systems(), spec.source());
        return new PreparedCampaign(spec, yaml, potentials, space);
    }

    static PotentialRegistry registry(MatscreenConfig config) {
        List<Path> dirs = new ArrayList<>();
        String fromConfig = config.potentialDirs();
        if (fromConfig != null) {
            for (String d : fromConfig.split(":")) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d.strip()));
                }
            }
        }
        dirs.addAll(PotentialRegistry.standard().directories());
        return new PotentialRegistry(new ArrayList<>(new LinkedHashSet<>(dirs)));
    }
}
