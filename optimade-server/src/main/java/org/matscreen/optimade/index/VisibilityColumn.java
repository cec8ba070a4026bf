package org.matscreen.optimade.index;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.optimade.access.Principal;

/**
 * The visibility the server enforces for every row, and the rows each kind of client may see:
 * <ul>
 *   <li>anonymous: public records;</li>
 *   <li>a member: public and consortium records, every embargoed record whose embargo has ended (its last day is
 *       before today, UTC), and the embargoed records its own group owns.</li>
 * </ul>
 * Every query is intersected with these rows before anything is counted, paged or looked up, which is what keeps
 * counts, pagination and 404s from revealing hidden records. The sets are cached per group and day.
 */
final class VisibilityColumn {
    private static final byte PUBLIC = 0;
    private static final byte CONSORTIUM = 1;
    private static final byte EMBARGOED = 2;

    private final byte[] level;
    private final long[] embargoLastDay;
    private final int[] owner;
    private final String[] owners;
    private final Map<String, BitSet> cache = new ConcurrentHashMap<>();

    private VisibilityColumn(byte[] level, long[] embargoLastDay, int[] owner, String[] owners) {
        this.level = level;
        this.embargoLastDay = embargoLastDay;
        this.owner = owner;
        this.owners = owners;
    }

    /** The rows {@code principal} may see on {@code today}; the caller must not modify the set. */
    BitSet visibleTo(Principal principal, LocalDate today) {
        String key = (principal.isAnonymous() ? "" : "member:" + principal.group()) + "@" + today;
        if (cache.size() > 256) {
            cache.clear(); // one entry per group and day: only a long-running server with many groups gets here
        }
        return cache.computeIfAbsent(key, k -> compute(principal, today.toEpochDay()));
    }

    private BitSet compute(Principal principal, long today) {
        int group = -1;
        for (int i = 0; principal.group() != null && i < owners.length; i++) {
            if (owners[i].equals(principal.group())) {
                group = i;
            }
        }
        long[] w = Words.forRows(level.length);
        for (int r = 0; r < level.length; r++) {
            boolean visible = switch (level[r]) {
                case PUBLIC -> true;
                case CONSORTIUM -> !principal.isAnonymous();
                default -> !principal.isAnonymous() && (embargoLastDay[r] < today || owner[r] == group);
            };
            if (visible) {
                Words.set(w, r);
            }
        }
        return BitSet.valueOf(w);
    }

    /** Collects the effective visibility of each row. */
    static final class Builder {
        private final Growable.Ints level = new Growable.Ints();
        private final Growable.Longs lastDay = new Growable.Longs();
        private final ColumnBuilder.Strings owners = new ColumnBuilder.Strings();

        void add(Visibility v) {
            level.add(switch (v.level()) {
                case PUBLIC -> PUBLIC;
                case CONSORTIUM -> CONSORTIUM;
                case EMBARGOED -> EMBARGOED;
            });
            lastDay.add(v.embargoUntil() == null ? Long.MIN_VALUE : v.embargoUntil().toEpochDay());
            owners.add(v.owner());
        }

        VisibilityColumn build() {
            int[] l = level.toArray();
            byte[] b = new byte[l.length];
            for (int i = 0; i < l.length; i++) {
                b[i] = (byte) l[i];
            }
            StringColumn o = (StringColumn) owners.build();
            int[] codes = new int[l.length];
            String[] names = new String[o.distinct()];
            for (int i = 0; i < l.length; i++) {
                String s = o.get(i);
                codes[i] = o.ranks()[i];
                if (codes[i] >= 0) {
                    names[codes[i]] = s;
                }
            }
            return new VisibilityColumn(b, lastDay.toArray(), codes, names);
        }
    }
}
