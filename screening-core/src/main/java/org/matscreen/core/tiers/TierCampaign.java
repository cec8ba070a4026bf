package org.matscreen.core.tiers;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.campaign.ScreeningSpec;
import org.matscreen.core.campaign.StrategySpec;
import org.matscreen.core.campaign.StructureSpec;
import org.matscreen.core.campaign.TierSpec;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.space.ChemicalSpace;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.SiteOrdering;
import org.matscreen.core.structure.Supercell;

/**
 * The campaign a later tier runs: every composition of the previous tier's picks in every prototype the picks were
 * ranked in, each prototype in the smallest supercell that holds every composition exactly (an expensive method
 * affords no rounding), decorated as a small SQS, so the later tier computes the same kind of cell (a solid solution
 * approximated by a special quasi-random structure) as the classical one, only smaller. On so few sites a simple
 * fraction may leave one arrangement: x = 1/4 on four fcc sites is L1₂.
 *
 * @param spec the tier's campaign (name {@code <campaign>-<tier>}, an explicit composition list)
 * @param picks the picks it computes, in rank order
 * @param skipped picks it cannot compute, each with the reason (no cell of at most {@code max_atoms} holds them
 *     together with the better-ranked picks)
 */
public record TierCampaign(CampaignSpec spec, TierSpec tier, List<TierPick> picks, List<String> skipped) {

    public TierCampaign {
        picks = List.copyOf(picks);
        skipped = List.copyOf(skipped);
    }

    /** SQS swap attempts per site: small cells have few arrangements, so the search is cheap and should be thorough. */
    static final int SQS_SWEEPS = 200;

    /**
     * Derives tier {@code tierIndex} (0-based into {@link CampaignSpec#tiers()}) of {@code campaign} from the previous
     * tier's picks, best first. Picks are taken in rank order while a common supercell of at most the tier's
     * {@code max_atoms} sites holds them all exactly; the rest are skipped with the reason.
     *
     * @throws IllegalArgumentException if there are no picks or none fits
     */
    public static TierCampaign derive(CampaignSpec campaign, int tierIndex, List<TierPick> ranked) {
        TierSpec tier = campaign.tiers().get(tierIndex);
        List<TierPick> taken = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        // the tier's space is every taken composition in every taken prototype, so one site multiple serves all
        Set<Prototype> prototypes = new java.util.TreeSet<>();
        int multiple = 1;
        for (TierPick p : ranked) {
            int m = (int) Math.min(Integer.MAX_VALUE, lcm(multiple, exactSites(p.composition())));
            Set<Prototype> ps = new java.util.TreeSet<>(prototypes);
            ps.add(p.prototype());
            String tooBig = null;
            for (Prototype proto : ps) {
                if (m > tier.maxAtoms() || Supercell.smallest(proto, m, tier.maxAtoms()) == null) {
                    tooBig = proto.key();
                    break;
                }
            }
            if (tooBig != null) {
                skipped.add(String.format(Locale.ROOT, "rank %d %s (%s): no %s cell of at most %d atoms holds it"
                        + " exactly%s", p.rank(), p.composition().formula(), p.prototype().key(), tooBig,
                        tier.maxAtoms(), taken.isEmpty() ? "" : " together with the better-ranked picks"));
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
        Set<Composition> compositions = new LinkedHashSet<>();
        Set<String> elements = new java.util.TreeSet<>();
        for (TierPick p : taken) {
            compositions.add(p.composition());
            elements.addAll(p.composition().symbols());
        }
        Map<Prototype, Supercell> cells = new EnumMap<>(Prototype.class);
        for (Prototype p : prototypes) {
            cells.put(p, Supercell.smallest(p, multiple, tier.maxAtoms()));
        }
        StructureSpec structure = new StructureSpec(List.copyOf(prototypes), cells, SiteOrdering.SQS, 0.0, tier.sqsShells(),
                SQS_SWEEPS, 1);
        ChemicalSpace space = new ChemicalSpace(List.copyOf(elements), List.of(), 0, Map.of(), Map.of(), List.of(),
                false, List.copyOf(compositions));
        ScreeningSpec s = campaign.screening();
        // the tier ranks its own records by the campaign's criteria; every candidate is computed (no adaptive rounds)
        ScreeningSpec screening = new ScreeningSpec(s.filters(), s.objectives(), taken.size(),
                new StrategySpec.Exhaustive(), s.admitted(), s.ensembleRanking());
        CampaignSpec spec = new CampaignSpec(campaign.name() + "-" + tier.name(), "tier " + tier.name() + " of "
                + campaign.name() + ": " + tier.method().code() + " on the top " + tier.top() + " of the previous"
                + " tier", space, structure, tier.method(), screening, campaign.execution(), campaign.visibility(),
                campaign.source() + " (tiers[" + tierIndex + "])", List.of());
        return new TierCampaign(spec, tier, taken, skipped);
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

    private static long lcm(long a, long b) {
        long x = a;
        long y = b;
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }
}
