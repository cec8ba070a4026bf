package org.matscreen.optimade.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.Fields;

/**
 * The query parameters of one request, decoded ({@code +} and {@code %20} are spaces, as the spec's own examples
 * assume), each given at most once. Entry listings refuse parameters that are neither standard nor prefixed with a
 * provider prefix (the spec's 400); single-entry and info endpoints ignore unknown ones, as the spec says.
 */
final class Params {
    /** The standard parameters of entry listing endpoints. */
    static final Set<String> LISTING = Set.of("filter", "page_limit", "page_offset", "page_number", "page_cursor",
            "page_above", "page_below", "sort", "include", "response_format", "email_address", "response_fields",
            "api_hint");
    private static final Pattern PREFIXED = Pattern.compile("_[a-z0-9]+_.+");

    private final Map<String, String> values;
    private final String rawQuery;

    private Params(Map<String, String> values, String rawQuery) {
        this.values = values;
        this.rawQuery = rawQuery;
    }

    static Params of(Fields fields, String rawQuery, boolean listing) {
        Map<String, String> v = new LinkedHashMap<>();
        for (Fields.Field f : fields) {
            List<String> all = f.getValues();
            if (all.size() > 1) {
                throw ApiException.badRequest("query parameter '" + f.getName() + "' is given " + all.size()
                        + " times");
            }
            if (listing && !LISTING.contains(f.getName()) && !PREFIXED.matcher(f.getName()).matches()) {
                throw ApiException.badRequest("unknown query parameter '" + f.getName() + "' (standard: "
                        + String.join(", ", new TreeSet<>(LISTING))
                        + "; custom parameters start with a provider prefix such as _matscreen_)");
            }
            v.put(f.getName(), all.isEmpty() ? "" : all.get(0));
        }
        return new Params(v, rawQuery);
    }

    String get(String name) {
        return values.get(name);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** Parameters as received, in order (for building links). */
    Map<String, String> all() {
        return values;
    }

    /** The undecoded query string, or null. */
    String rawQuery() {
        return rawQuery;
    }

    /** A non-negative integer parameter, or {@code fallback} when absent. */
    int nonNegative(String name, int fallback) {
        String s = values.get(name);
        if (s == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(s.strip());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest(name + " must be a non-negative integer, got '" + s + "'");
    }
}
