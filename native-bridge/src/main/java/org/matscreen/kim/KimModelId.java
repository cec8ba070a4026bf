package org.matscreen.kim;

import java.util.regex.Pattern;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.lammps.deck.CampaignText;

/**
 * The syntax of a KIM model id as a campaign gives it ({@code kim:<id>}): one word of letters, digits and underscores
 * starting with a letter, e.g. {@code EAM_Dynamo_Mishin_2004_NiAl__MO_101214310689_005}. Paths, whitespace (so no
 * second KIM command such as {@code kim query}, which would reach the network), line breaks and every other character
 * are refused before anything else looks at the id; whether it is installed is checked next, by {@link KimModels}.
 */
public final class KimModelId {
    /** How a campaign names a KIM model: {@code kim:<id>}. */
    public static final String PREFIX = "kim:";
    static final int MAX_LENGTH = 200;
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final String EXAMPLE = "kim:EAM_Dynamo_Mishin_2004_NiAl__MO_101214310689_005";

    private KimModelId() {}

    /** True if a campaign's potential names a KIM model. */
    public static boolean isKim(String potential) {
        return potential != null && potential.startsWith(PREFIX);
    }

    /**
     * The id of {@code kim:<id>}, checked.
     *
     * @throws InvalidInputException naming source and field, with the reason
     */
    public static String parse(String potential, String source, String field) {
        String id = potential.substring(PREFIX.length());
        String reason = reason(id);
        if (reason != null) {
            throw new InvalidInputException(source, field, "KIM model id '" + printable(id) + "' " + reason);
        }
        return id;
    }

    /** Why {@code id} is not a valid KIM model id, or null. */
    static String reason(String id) {
        if (id.isEmpty()) {
            return "is missing (write " + EXAMPLE + ")";
        }
        if (id.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        if (id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
            return "contains a line break, which would start a new LAMMPS command";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '/' || c == '\\' || c == '~') {
                return "contains '" + c + "': a KIM model is named by its id, never by a path (install it into a KIM"
                        + " collection instead)";
            }
            if (Character.isWhitespace(c)) {
                return "contains whitespace: a KIM model id is one word, and matscreen issues no KIM command but"
                        + " 'kim init' and 'kim interactions' (never 'kim query', which reaches the network)";
            }
        }
        if (!ID.matcher(id).matches()) {
            return "may contain only letters, digits and '_' and must start with a letter (e.g. " + EXAMPLE + ")";
        }
        String unsafe = CampaignText.unsafeReason(id);
        return unsafe == null ? null : unsafe;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }
}
