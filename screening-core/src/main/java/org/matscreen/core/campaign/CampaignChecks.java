package org.matscreen.core.campaign;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.screening.Criterion;
import org.matscreen.core.screening.MetricRequirements;
import org.matscreen.core.screening.Objective;
import org.matscreen.core.space.Candidate;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.core.space.ChemicalSpace;
import org.matscreen.core.structure.AtomCounts;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.Supercell;

/** Whole-campaign checks that need more than one section of the file. */
public final class CampaignChecks {
    /** Spaces up to this size are checked candidate by candidate; beyond, by the grid rule. */
    private static final long EXHAUSTIVE_LIMIT = 1_000_000;

    private CampaignChecks() {}

    /** Sites a cell needs (a multiple of) for every composition of the space to be exact. */
    /** Sites a cell needs so that every composition of the space is exact (the grid's denominator, or the lcm). */
    public static int siteMultiple(ChemicalSpace space) {
        if (!space.explicit().isEmpty()) {
            long lcm = 1;
            for (Composition c : space.explicit()) {
                long[] n = c.integerProportions();
                long total = 0;
                for (long v : n == null ? new long[] {1} : n) {
                    total += v;
                }
                lcm = lcm(lcm, total);
                if (lcm > Supercell.MAX_SITES) {
                    return (int) Math.min(Integer.MAX_VALUE, lcm);
                }
            }
            return (int) lcm;
        }
        if (space.equiatomicOnly()) {
            long lcm = 1;
            for (int o : space.orders()) {
                lcm = lcm(lcm, o);
            }
            return (int) lcm;
        }
        return space.gridDenominator();
    }

    /** Least common multiple of two positive numbers. */
    public static long lcm(long a, long b) {
        return a / BigInteger.valueOf(a).gcd(BigInteger.valueOf(b)).longValue() * b;
    }

    /**
     * Every filter and objective must name a metric the method computes: {@code elastic: false} with a Pugh-ratio
     * filter would leave every candidate unknown, fail them all, and end with "no candidate passed".
     */
    static void checkMetricsComputed(CampaignSpec spec) {
        var relax = spec.method().relax();
        var properties = spec.method().properties();
        var prototypes = spec.structure().prototypes();
        List<Criterion> filters = spec.screening().filters();
        for (int i = 0; i < filters.size(); i++) {
            String reason = MetricRequirements.unmet(filters.get(i).metric(), relax, properties,
                    prototypes).orElse(null);
            if (reason != null) {
                throw new InvalidInputException(spec.source(), "screening.filters[" + i + "]", reason);
            }
        }
        List<Objective> objectives = spec.screening().objectives();
        for (int i = 0; i < objectives.size(); i++) {
            String reason = MetricRequirements.unmet(objectives.get(i).metric(), relax, properties,
                    prototypes).orElse(null);
            if (reason != null) {
                throw new InvalidInputException(spec.source(), "screening.objectives[" + i + "]", reason);
            }
        }
    }

    /**
     * Every candidate's composition must fit its prototype's cell within the tolerance. Exhaustive for spaces up to a
     * million candidates; larger grids must be exact by construction (sites a multiple of the grid denominator).
     */
    static void checkRepresentable(CampaignSpec spec) {
        CandidateSpace cs = CandidateSpace.of(spec.space(), spec.structure().prototypes(), spec.source());
        if (cs.size() == 0) {
            throw new InvalidInputException(spec.source(), "space", "the chemical space is empty: no composition"
                    + " satisfies the orders, step and fraction bounds");
        }
        int multiple = siteMultiple(spec.space());
        boolean allExact = true;
        for (Prototype p : spec.structure().prototypes()) {
            allExact &= spec.structure().supercells().get(p).sites(p) % multiple == 0;
        }
        if (allExact) {
            return;
        }
        if (cs.size() > EXHAUSTIVE_LIMIT) {
            throw new InvalidInputException(spec.source(), "structure.supercell", "with " + cs.size()
                    + " candidates the supercell must hold every composition exactly: its number of sites must be a"
                    + " multiple of " + multiple);
        }
        for (Iterator<Candidate> it = cs.range(0, cs.size()); it.hasNext(); ) {
            Candidate c = it.next();
            Supercell sc = spec.structure().supercells().get(c.prototype());
            AtomCounts counts = AtomCounts.of(c.composition(), sc.sites(c.prototype()));
            if (!counts.representsWithin(spec.structure().compositionTolerance())) {
                throw new InvalidInputException(spec.source(), "structure.supercell", String.format(
                        java.util.Locale.ROOT, "a %s %s cell (%d sites) cannot hold %s within composition_tolerance"
                                + " %.4g: %s; use a cell whose number of sites is a multiple of %d, or a larger cell,"
                                + " or raise composition_tolerance",
                        c.prototype().key(), sc.key(), sc.sites(c.prototype()), c.composition().formula(),
                        spec.structure().compositionTolerance(),
                        counts.shortfall(spec.structure().compositionTolerance()), multiple));
            }
        }
    }
}
