package org.matscreen.core.campaign;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Who may see a campaign's records once shared: everybody, consortium members, or (embargoed) only the owner's group
 * until a date, after which they are consortium-visible.
 *
 * @param embargoUntil last day of the embargo (null unless embargoed)
 * @param owner the group that owns the records (sees them during an embargo)
 */
public record Visibility(Level level, LocalDate embargoUntil, String owner) implements Serializable {

    /** Visibility levels. */
    public enum Level {
        PUBLIC, CONSORTIUM, EMBARGOED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final Visibility PUBLIC = new Visibility(Level.PUBLIC, null, "");

    public Visibility {
        owner = owner == null ? "" : owner;
        if (level == Level.EMBARGOED && embargoUntil == null) {
            throw new IllegalArgumentException("an embargo needs an end date");
        }
    }
}
