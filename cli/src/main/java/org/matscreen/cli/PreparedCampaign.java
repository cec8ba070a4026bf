package org.matscreen.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.matscreen.core.campaign.CampaignLoader;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.properties.PropertyRegistry;
import org.matscreen.core.sim.CodeOptions;
import org.matscreen.core.sim.Step;
import org.matscreen.core.sim.ModelLookup;
import org.matscreen.core.sim.SimulationCode;
import org.matscreen.core.sim.SimulationCodes;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.core.yaml.YamlReader;
import org.matscreen.potential.PotentialRegistry;
import org.matscreen.potential.PotentialResolver;
import org.matscreen.core.sim.PotentialSource;

/**
 * A campaign validated as far as possible before any expensive work: the file (see {@link CampaignLoader}), then the
 * potential (each file resolved to one checksummed file that covers its chemical systems, or a generated family whose
 * parameters cover every element). Shared by {@code run}, {@code plan} and {@code submit}, so all of them refuse the
 * same bad input with the same message.
 */
record PreparedCampaign(CampaignSpec spec, String yaml, List<PotentialSource> members, CandidateSpace space) {

    PreparedCampaign {
        members = List.copyOf(members);
    }

    /** True when the campaign names an ensemble of potentials. */
    boolean isEnsemble() {
        return members.size() > 1;
    }

    /** The campaign's one potential (see {@link #requireSinglePotential} for commands that need exactly one). */
    PotentialSource potentials() {
        if (isEnsemble()) {
            throw new IllegalStateException("an ensemble has several potentials: use members()");
        }
        return members.get(0);
    }

    /**
     * Refuses an ensemble of potentials for a command that handles one potential only.
     *
     * @param command the command's name, for the message
     */
    PreparedCampaign requireSinglePotential(String command) {
        if (isEnsemble()) {
            throw new InvalidInputException(spec.source(), "method.potential", "'" + command + "' does not yet"
                    + " handle an ensemble of potentials (" + String.join(", ", spec.method().ensemble()) + "); use"
                    + " 'matscreen run' for it, or name one potential here");
        }
        return this;
    }

    /**
     * Refuses a potential the code's installation cannot run ({@link SimulationCode#cannotRun}, e.g. a KIM model with
     * a LAMMPS library built without the KIM package), naming the member and the reason, before Spark starts. A
     * member's models are the files its pure-element references are computed with: the file, the KIM model, every
     * file of a per-system map, or a generated family's file of all the campaign's elements (which the run generates
     * here anyway).
     *
     * @param codeOptions the options of the campaign's code as resolved for the run
     */
    PreparedCampaign requireRunnable(CodeOptions codeOptions) {
        SimulationCode code = SimulationCodes.get(spec.method().code());
        for (int i = 0; i < members.size(); i++) {
            for (PotentialSource.ReferenceGroup g : members.get(i).referenceGroups(space.systems())) {
                String why = code.cannotRun(g.file(), codeOptions);
                if (why != null) {
                    throw new InvalidInputException(spec.source(), isEnsemble() ? "method.potential[" + i + "]"
                            : "method.potential", why);
                }
            }
        }
        return this;
    }

    static PreparedCampaign load(Path file, MatscreenConfig config) {
        return load(file, config, PotentialResolver.defaultCacheDir());
    }

    /** @param potentialCache where generated potentials are cached (see {@link CacheLocation#potentials}) */
    static PreparedCampaign load(Path file, MatscreenConfig config, Path potentialCache) {
        // read once: the text validated is the text the manifest keeps
        String yaml = YamlReader.readText(file);
        return of(CampaignLoader.parse(yaml, file.toString()), yaml, config, potentialCache);
    }

    /**
     * A campaign already parsed from {@code yaml} (a tier's generated campaign), its model resolved by its code.
     *
     * @param potentialCache where generated models are cached (see {@link CacheLocation#potentials})
     */
    static PreparedCampaign of(CampaignSpec spec, String yaml, MatscreenConfig config, Path potentialCache) {
        // each cell once per member of an ensemble of potentials (members are the space's innermost index)
        CandidateSpace space = CandidateSpace.of(spec.space(), spec.structure().prototypes(), spec.structure().samples(),
                spec.method().members(), spec.source());
        SimulationCode code;
        try {
            code = SimulationCodes.get(spec.method().code());
        } catch (InvalidInputException e) {
            throw e.withSource(spec.source());
        }
        requireCapable(spec, code);
        List<PotentialSource> members = code.models(spec.method(), space.systems(),
                new ModelLookup(registry(config).directories(), potentialCache, spec.source()));
        return new PreparedCampaign(spec, yaml, members, space);
    }

    /**
     * Refuses a protocol step the campaign asks for that its code does not implement (an elastic tensor from a DFT
     * code, say), naming the field that asks for it. A code without a local-structure analysis is accepted: its
     * records then state that the structure's identity is unknown.
     */
    static void requireCapable(CampaignSpec spec, SimulationCode code) {
        var m = spec.method();
        var missing = code.capabilities().missing(PropertyRegistry.steps(m.relax(), m.properties()));
        missing.remove(Step.LOCAL_STRUCTURE);
        for (Step s : missing) {
            String field = switch (s) {
                case STRAIN_SET -> "method.properties.elastic";
                case EOS_SCAN -> "method.properties.eos";
                default -> "method.relax.mode";
            };
            throw new InvalidInputException(spec.source(), field, code.name() + " does not compute " + s.key()
                    + " (it computes " + String.join(", ", code.capabilities().steps().stream().map(Step::key)
                    .toList()) + "); switch it off for this method");
        }
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
