package org.matscreen.optimade.access;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.core.error.InvalidInputException;

/**
 * The server's rules that turn a record's stored visibility into the visibility it enforces.
 *
 * <ul>
 *   <li>A campaign override (server configuration) replaces the stored level and owner of every record of that
 *       campaign: the publisher decides at serving time, whatever the campaign file said when it ran.</li>
 *   <li>An embargo without an end date (an override that names none) lasts {@code defaultMonths} from the day the
 *       record was computed.</li>
 *   <li>No embargo lasts longer than {@code maxMonths} (at most {@value #LIMIT_MONTHS}) after the record was computed;
 *       a later end date is cut to that day.</li>
 * </ul>
 * Dates are UTC calendar days; the end date is the last day of the embargo.
 *
 * @param defaultMonths embargo length for embargoes without an end date, months
 * @param maxMonths longest embargo, months
 * @param overrides visibility by campaign name
 */
public record EmbargoPolicy(int defaultMonths, int maxMonths, Map<String, CampaignRule> overrides) {
    /** The consortium's hard limit on any embargo, months. */
    public static final int LIMIT_MONTHS = 36;

    public static final EmbargoPolicy DEFAULT = new EmbargoPolicy(12, LIMIT_MONTHS, Map.of());

    /**
     * A campaign's visibility set by the server configuration.
     *
     * @param embargoUntil last day of the embargo, or null for the default length
     */
    public record CampaignRule(Visibility.Level level, String owner, LocalDate embargoUntil) {}

    public EmbargoPolicy {
        if (maxMonths < 0 || maxMonths > LIMIT_MONTHS) {
            throw new InvalidInputException("server configuration", "embargo.max_months",
                    "must be between 0 and " + LIMIT_MONTHS + ", got " + maxMonths);
        }
        if (defaultMonths < 0 || defaultMonths > maxMonths) {
            throw new InvalidInputException("server configuration", "embargo.default_months",
                    "must be between 0 and embargo.max_months (" + maxMonths + "), got " + defaultMonths);
        }
        overrides = Map.copyOf(overrides);
    }

    /** The visibility the server enforces for a record of {@code campaign} computed at {@code finishedAtMs}. */
    public Visibility effective(String campaign, Visibility stored, long finishedAtMs) {
        LocalDate computed = LocalDate.ofInstant(Instant.ofEpochMilli(finishedAtMs), ZoneOffset.UTC);
        CampaignRule o = overrides.get(campaign);
        Visibility.Level level = o != null ? o.level() : stored.level();
        String owner = o != null ? o.owner() : stored.owner();
        LocalDate until = o != null ? o.embargoUntil() : stored.embargoUntil();
        if (level != Visibility.Level.EMBARGOED) {
            return new Visibility(level, null, owner);
        }
        if (until == null) {
            until = computed.plusMonths(defaultMonths);
        }
        LocalDate cap = computed.plusMonths(maxMonths);
        return new Visibility(level, until.isAfter(cap) ? cap : until, owner);
    }
}
