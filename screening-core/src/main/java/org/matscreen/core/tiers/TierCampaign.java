package org.matscreen.core.tiers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.matscreen.core.campaign.CampaignChecks;
import org.matscreen.core.campaign.CampaignLoader;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.campaign.TierSpec;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.SiteOrdering;
import org.matscreen.core.structure.Supercell;
import org.matscreen.core.yaml.YamlReader;

/**
 * The campaign a later tier runs: every composition of the previous tier's picks in every prototype the picks were
 * ranked in, each prototype in the smallest supercell of at least the tier's {@code min_atoms} that holds every
 * composition exactly (an expensive method affords no rounding), decorated as a small SQS, so the later tier computes
 * the same kind of cell (a solid solution approximated by a special quasi-random structure) as the classical one, only
 * smaller. With {@code min_atoms} below 8 a simple fraction may leave one arrangement: x = 1/4 on four fcc sites is
 * L1₂, an ordered compound rather than a solid solution.
 *
 * @param spec the tier's campaign (name {@code <campaign>-<tier>}, an explicit composition list)
 * @param yaml the tier's campaign file, of which {@code spec} is the parse
 * @param picks the picks it computes, in rank order
 * @param skipped picks it cannot compute, each with the reason (no cell of at most {@code max_atoms} holds them
 *     together with the better-ranked picks)
 */
public record TierCampaign(CampaignSpec spec, String yaml, TierSpec tier, List<TierPick> picks, List<String> skipped) {

    public TierCampaign {
        picks = List.copyOf(picks);
        skipped = List.copyOf(skipped);
    }

    /** SQS swap attempts per site: small cells have few arrangements, so the search is cheap and should be thorough. */
    static final int SQS_SWEEPS = 200;

    /**
     * Derives tier {@code tierIndex} (0-based into {@link CampaignSpec#tiers()}) of {@code campaign} (read from
     * {@code campaignYaml}) from the previous tier's ranked records, best first: of its first {@code top}, each is
     * taken while a common supercell of at most the tier's {@code max_atoms} sites holds them all exactly, the rest
     * are skipped with the reason.
     *
     * @throws IllegalArgumentException if there are no picks or none fits
     */
    public static TierCampaign derive(CampaignSpec campaign, String campaignYaml, int tierIndex,
            List<TierPick> ranked) {
        TierSpec tier = campaign.tiers().get(tierIndex);
        List<TierPick> taken = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        // the tier's space is every taken composition in every taken prototype, so one site multiple serves all
        Set<Prototype> prototypes = new java.util.TreeSet<>();
        int multiple = 1;
        for (TierPick p : ranked.subList(0, Math.min(ranked.size(), tier.top()))) {
            int m = (int) Math.min(Integer.MAX_VALUE, CampaignChecks.lcm(multiple, exactSites(p.composition())));
            Set<Prototype> ps = new java.util.TreeSet<>(prototypes);
            ps.add(p.prototype());
            String tooBig = null;
            for (Prototype proto : ps) {
                if (m > tier.maxAtoms() || Supercell.smallest(proto, m, tier.minAtoms(), tier.maxAtoms()) == null) {
                    tooBig = proto.key();
                    break;
                }
            }
            if (tooBig != null) {
                skipped.add(String.format(Locale.ROOT, "rank %d %s (%s): no %s cell of %d to %d atoms holds it"
                        + " exactly%s", p.rank(), p.composition().formula(), p.prototype().key(), tooBig,
                        tier.minAtoms(), tier.maxAtoms(), taken.isEmpty() ? "" : " together with the better-ranked picks"));
                continue;
            }
            multiple = m;
            prototypes = ps;
            taken.add(p);
        }
        if (taken.isEmpty()) {
            throw new IllegalArgumentException("tier " + tier.name() + " has nothing to compute: "
                    + (ranked.isEmpty() ? "the previous tier ranked no record" : String.join("; ", skipped)));
        }
        String yaml = yaml(campaign, campaignYaml, tierIndex, taken, prototypes, multiple);
        CampaignSpec spec = CampaignLoader.parse(yaml, campaign.source() + " (tiers[" + tierIndex + "] "
                + tier.name() + ")");
        return new TierCampaign(spec, yaml, tier, taken, skipped);
    }

    /**
     * The tier's campaign file: the campaign's own {@code tiers[i].method}, {@code screening} (its ranked table as
     * long as the picks, every candidate computed), {@code execution} and {@code visibility}, copied as written, with
     * the picks' compositions and the small cells as space and structure. The tier's repository stores this text as
     * any campaign's, so {@code status}, {@code report} and a resume read the tier as the campaign it is.
     */
    private static String yaml(CampaignSpec campaign, String campaignYaml, int tierIndex, List<TierPick> taken,
            Set<Prototype> prototypes, int multiple) {
        TierSpec tier = campaign.tiers().get(tierIndex);
        JsonNode parent = YamlReader.parse(campaignYaml, campaign.source()).tree();
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("schema", "matscreen-campaign/1");
        root.put("name", campaign.name() + "-" + tier.name());
        root.put("description", "tier " + tier.name() + " of " + campaign.name() + ": " + tier.method().code()
                + " on the top " + taken.size() + " of the previous tier");
        ObjectNode space = root.putObject("space");
        ArrayNode comps = space.putArray("compositions");
        new LinkedHashSet<>(taken.stream().map(TierPick::composition).toList()).forEach(c -> comps.add(c.formula()));
        ObjectNode structure = root.putObject("structure");
        ArrayNode protos = structure.putArray("prototypes");
        prototypes.forEach(p -> protos.add(p.key()));
        ObjectNode cells = structure.putObject("supercell");
        for (Prototype p : prototypes) {
            Supercell c = Supercell.smallest(p, multiple, tier.minAtoms(), tier.maxAtoms());
            cells.putArray(p.key()).add(c.na()).add(c.nb()).add(c.nc());
        }
        structure.put("ordering", SiteOrdering.SQS.key());
        structure.putObject("sqs").put("shells", tier.sqsShells()).put("sweeps", SQS_SWEEPS);
        root.set("method", parent.path("tiers").path(tierIndex).path("method").deepCopy());
        ObjectNode screening = parent.path("screening").isObject() ? parent.path("screening").deepCopy()
                : m.createObjectNode();
        // the tier ranks its own records by the campaign's criteria; every candidate is computed (no adaptive rounds)
        screening.remove(List.of("strategy", "adaptive", "ensemble"));
        screening.put("top", taken.size());
        root.set("screening", screening);
        for (String k : List.of("execution", "visibility")) {
            if (!parent.path(k).isMissingNode()) {
                root.set(k, parent.path(k).deepCopy());
            }
        }
        try {
            return "# generated by matscreen from " + campaign.source() + ", tiers[" + tierIndex + "]\n"
                    + new YAMLMapper().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the tier's campaign", e);
        }
    }

    /** The tier's cells as a reader needs them next to its numbers, e.g. {@code fcc 2x1x1 (8 sites), sqs}. */
    public String cells() {
        StringBuilder b = new StringBuilder();
        spec.structure().supercells().forEach((p, c) -> b.append(b.length() == 0 ? "" : "; ").append(p.key())
                .append(' ').append(c.key()).append(" (").append(c.sites(p)).append(" sites)"));
        return b.append(", ").append(spec.structure().ordering().key()).toString();
    }

    /** Sites the composition needs to be exact: the sum of its smallest integer proportions. */
    static int exactSites(Composition c) {
        long[] n = c.integerProportions();
        if (n == null) {
            return Integer.MAX_VALUE;
        }
        long total = 0;
        for (long v : n) {
            total += v;
        }
        return total > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) total;
    }
}
