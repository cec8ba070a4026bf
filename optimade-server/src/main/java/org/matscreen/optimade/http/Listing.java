package org.matscreen.optimade.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matscreen.optimade.config.ServerConfig;
import org.matscreen.optimade.schema.StructureSchema;

/**
 * The parameters entry endpoints share, checked as the spec prescribes: {@code response_format} (json only, else
 * 400), pagination by {@code page_limit} with {@code page_offset} or {@code page_number} ({@code page_limit} above the
 * maximum: 403; cursor and value pagination: 501), {@code response_fields}, {@code include} (references only, else
 * 400) and {@code dimension_slices} (501 unless empty).
 *
 * @param fields attribute names to return, in output order
 * @param warnings warnings for the response (other providers' fields requested)
 */
record Listing(int limit, int offset, List<String> fields, boolean includeReferences, List<String> warnings) {
    private static final Pattern PREFIXED = Pattern.compile("_([a-z0-9]+)_.+");

    /**
     * @param known the entry type's properties: name → whether it is known
     * @param defaults the attributes returned without {@code response_fields}
     */
    static Listing parse(Params p, ServerConfig config, Function<String, Boolean> known, List<String> defaults) {
        checkCommon(p);
        for (String unsupported : List.of("page_cursor", "page_above", "page_below")) {
            if (p.has(unsupported)) {
                throw ApiException.notImplemented(unsupported + ": this server pages by page_offset or page_number"
                        + " (with page_limit) and links.next");
            }
        }
        ServerConfig.Limits l = config.limits();
        int limit = l.defaultPageLimit();
        if (p.has("page_limit")) {
            limit = p.nonNegative("page_limit", limit);
            if (limit == 0) {
                throw ApiException.badRequest("page_limit must be at least 1");
            }
            if (limit > l.maxPageLimit()) {
                throw new ApiException(403, "page_limit " + limit + " is above this server's maximum of "
                        + l.maxPageLimit());
            }
        }
        if (p.has("page_offset") && p.has("page_number")) {
            throw ApiException.badRequest("give page_offset or page_number, not both");
        }
        int offset = p.nonNegative("page_offset", 0);
        if (p.has("page_number")) {
            int number = p.nonNegative("page_number", 1);
            if (number < 1) {
                throw ApiException.badRequest("page_number starts at 1");
            }
            offset = (int) Math.min(Integer.MAX_VALUE, (long) (number - 1) * limit);
        }
        List<String> warnings = new ArrayList<>();
        List<String> fields = fields(p, known, defaults, warnings);
        return new Listing(limit, offset, fields, includeReferences(p), warnings);
    }

    /** Checks shared by listing and single-entry endpoints. */
    static void checkCommon(Params p) {
        String format = p.get("response_format");
        if (format != null && !format.equals("json")) {
            throw ApiException.badRequest("response_format '" + format + "' is not available; this server answers"
                    + " in json");
        }
        String slices = p.get("dimension_slices");
        if (slices != null && !slices.isBlank()) {
            throw ApiException.notImplemented("dimension_slices: slicing list properties is not supported");
        }
    }

    /** The attributes to return: exactly {@code response_fields} when given (id and type are always top-level). */
    static List<String> fields(Params p, Function<String, Boolean> known, List<String> defaults,
            List<String> warnings) {
        String raw = p.get("response_fields");
        if (raw == null) {
            return defaults;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String f : raw.split(",")) {
            String name = f.strip();
            if (name.isEmpty() || name.equals("id") || name.equals("type")) {
                continue;
            }
            if (known.apply(name)) {
                out.add(name);
                continue;
            }
            Matcher m = PREFIXED.matcher(name);
            if (m.matches() && !m.group(1).equals(StructureSchema.PREFIX)) {
                out.add(name); // another provider's property: unknown here, returned as null
                warnings.add("response field '" + name + "' belongs to another provider (prefix '" + m.group(1)
                        + "') and is unknown here; returned as null");
                continue;
            }
            throw ApiException.badRequest("unknown field '" + name + "' in response_fields");
        }
        return List.copyOf(out);
    }

    static boolean includeReferences(Params p) {
        String include = p.get("include");
        if (include == null) {
            return true; // the spec's default is include=references
        }
        for (String path : include.split(",")) {
            String s = path.strip();
            if (!s.isEmpty() && !s.equals("references")) {
                throw ApiException.badRequest("include: unknown relationship path '" + s + "' (available:"
                        + " references)");
            }
        }
        return include.contains("references");
    }

    /** The URL of the page after this one, keeping every other parameter. */
    String next(Exchange x, Params p, String endpoint) {
        StringBuilder sb = new StringBuilder(x.versionedBase()).append(endpoint).append('?');
        boolean first = true;
        for (Map.Entry<String, String> e : p.all().entrySet()) {
            if (e.getKey().startsWith("page_")) {
                continue;
            }
            sb.append(first ? "" : "&").append(PathSegments.query(e.getKey())).append('=')
                    .append(PathSegments.query(e.getValue()));
            first = false;
        }
        sb.append(first ? "" : "&").append("page_limit=").append(limit).append("&page_offset=")
                .append((long) offset + limit);
        return sb.toString();
    }
}
