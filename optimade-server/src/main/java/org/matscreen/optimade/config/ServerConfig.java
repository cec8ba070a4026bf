package org.matscreen.optimade.config;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.optimade.access.EmbargoPolicy;
import org.matscreen.optimade.access.Principal;
import org.matscreen.optimade.access.Tokens;

/**
 * The server configuration file ({@code matscreen serve --config server.yaml}); every section is optional. See
 * {@link ConfigLoader} for the file format and checks.
 *
 * @param provider who serves the database (OPTIMADE's {@code meta.provider})
 * @param database what this database is (name, description, licence)
 * @param publicUrl the base URL clients use, when the server sits behind a reverse proxy that terminates TLS (e.g.
 *     {@code https://optimade.example.org/hea}); links are built from it; null: from the request
 * @param includeFailed serve records of calculations that failed (without structure) too
 * @param limits request limits and time-outs
 * @param cors browser origins allowed to read responses; empty (the default) sends no CORS headers
 * @param embargo default and maximum embargo
 * @param campaigns visibility by campaign name, overriding what the records say
 * @param groups consortium groups and their members' token digests
 */
public record ServerConfig(Provider provider, Database database, String publicUrl, Boolean includeFailed,
        Limits limits, Cors cors, Embargo embargo, Map<String, CampaignVisibility> campaigns,
        Map<String, Group> groups) {

    public static final ServerConfig DEFAULT = new ServerConfig(null, null, null, null, null, null, null, null, null);

    public ServerConfig {
        provider = provider != null ? provider : Provider.DEFAULT;
        database = database != null ? database : Database.DEFAULT;
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "");
        includeFailed = includeFailed != null && includeFailed;
        limits = limits != null ? limits : Limits.DEFAULT;
        cors = cors != null ? cors : new Cors(List.of());
        embargo = embargo != null ? embargo : new Embargo(null, null);
        campaigns = campaigns != null ? Collections.unmodifiableMap(new LinkedHashMap<>(campaigns)) : Map.of();
        groups = groups != null ? Collections.unmodifiableMap(new LinkedHashMap<>(groups)) : Map.of();
    }

    /**
     * @param prefix the database-provider prefix, without underscores; matscreen's properties use {@code matscreen}
     */
    public record Provider(String name, String description, String prefix, String homepage) {
        static final Provider DEFAULT = new Provider(null, null, null, null);

        public Provider {
            name = name != null ? name : "matscreen";
            description = description != null ? description
                    : "High-throughput materials screening results computed with matscreen";
            prefix = prefix != null ? prefix : "matscreen";
        }
    }

    /**
     * @param licenseUrl a page describing the licence of the data; null: this server's own licence page, which
     *     shows {@code licenseText}
     */
    public record Database(String id, String name, String description, String licenseUrl, String licenseText) {
        static final Database DEFAULT = new Database(null, null, null, null, null);

        public Database {
            id = id != null ? id : "matscreen";
            name = name != null ? name : "matscreen results";
            description = description != null ? description
                    : "Relaxed structures, properties and descriptors from matscreen screening campaigns";
            licenseText = licenseText != null ? licenseText
                    : "No licence has been configured for this database: ask its maintainers before reusing the data.";
        }
    }

    /**
     * @param defaultPageLimit entries per page when the client gives no page_limit
     * @param maxPageLimit the largest page_limit accepted (a larger one is a 403, as the spec prescribes)
     * @param maxRequestHeaderBytes request line and headers together, bytes (larger: 431)
     * @param maxRequestBodyBytes request body, bytes: OPTIMADE is GET-only, so any body is suspect
     * @param idleTimeoutSeconds a connection silent this long is closed (slow clients cannot hold threads)
     * @param maxConcurrentRequests requests processed at once; more wait
     * @param queueTimeoutSeconds how long a request may wait for its turn before a 503
     * @param detailCacheMb memory for decoded per-site data of recently served chunk files, MiB
     */
    public record Limits(Integer defaultPageLimit, Integer maxPageLimit, Integer maxRequestHeaderBytes,
            Integer maxRequestBodyBytes, Integer idleTimeoutSeconds, Integer maxConcurrentRequests,
            Integer queueTimeoutSeconds, Integer detailCacheMb) {
        static final Limits DEFAULT = new Limits(null, null, null, null, null, null, null, null);

        public Limits {
            defaultPageLimit = positive(defaultPageLimit, 20, "limits.default_page_limit");
            maxPageLimit = positive(maxPageLimit, 500, "limits.max_page_limit");
            maxRequestHeaderBytes = positive(maxRequestHeaderBytes, 8192, "limits.max_request_header_bytes");
            maxRequestBodyBytes = maxRequestBodyBytes != null ? maxRequestBodyBytes : 1024;
            idleTimeoutSeconds = positive(idleTimeoutSeconds, 30, "limits.idle_timeout_seconds");
            maxConcurrentRequests = positive(maxConcurrentRequests, 16, "limits.max_concurrent_requests");
            queueTimeoutSeconds = positive(queueTimeoutSeconds, 10, "limits.queue_timeout_seconds");
            detailCacheMb = positive(detailCacheMb, 128, "limits.detail_cache_mb");
            if (defaultPageLimit > maxPageLimit) {
                throw ConfigLoader.invalid("limits.default_page_limit", "must not exceed limits.max_page_limit ("
                        + maxPageLimit + ")");
            }
            if (maxRequestBodyBytes < 0) {
                throw ConfigLoader.invalid("limits.max_request_body_bytes", "must be >= 0");
            }
        }

        private static int positive(Integer v, int fallback, String field) {
            if (v == null) {
                return fallback;
            }
            if (v <= 0) {
                throw ConfigLoader.invalid(field, "must be positive, got " + v);
            }
            return v;
        }
    }

    /** @param allowedOrigins origin patterns allowed to read responses from a browser ({@code *} for any) */
    public record Cors(List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins != null ? List.copyOf(allowedOrigins) : List.of();
        }
    }

    /**
     * @param defaultMonths length of an embargo set without an end date, months (default 12)
     * @param maxMonths longest embargo after a record was computed, months (default and at most 36)
     */
    public record Embargo(Integer defaultMonths, Integer maxMonths) {}

    /** A campaign's visibility set at serving time. */
    public record CampaignVisibility(String visibility, String owner, LocalDate embargoUntil) {}

    /** A consortium group: its members by name, each with the digest of their token. */
    public record Group(Map<String, String> members) {
        public Group {
            members = members != null ? new LinkedHashMap<>(members) : Map.of();
        }
    }

    /** The embargo rules, with campaign overrides checked. */
    public EmbargoPolicy embargoPolicy() {
        int max = embargo.maxMonths() != null ? embargo.maxMonths() : EmbargoPolicy.LIMIT_MONTHS;
        int def = embargo.defaultMonths() != null ? embargo.defaultMonths() : Math.min(12, max);
        Map<String, EmbargoPolicy.CampaignRule> rules = new LinkedHashMap<>();
        campaigns.forEach((name, c) -> {
            String field = "campaigns." + name;
            Visibility.Level level;
            try {
                level = Visibility.Level.valueOf(String.valueOf(c.visibility()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ConfigLoader.invalid(field + ".visibility", "must be public, consortium or embargoed, got '"
                        + c.visibility() + "'");
            }
            String owner = c.owner() != null ? c.owner() : "";
            if (level == Visibility.Level.EMBARGOED && (owner.isBlank() || !groups.containsKey(owner))) {
                throw ConfigLoader.invalid(field + ".owner", "an embargoed campaign needs an owner group that is"
                        + " configured under groups (got '" + owner + "')");
            }
            rules.put(name, new EmbargoPolicy.CampaignRule(level, owner, c.embargoUntil()));
        });
        return new EmbargoPolicy(def, max, rules);
    }

    /** Members by token digest. */
    public Map<String, Principal> principalsByDigest() {
        Map<String, Principal> out = new LinkedHashMap<>();
        groups.forEach((group, g) -> g.members().forEach((member, digest) -> {
            String field = "groups." + group + ".members." + member;
            if (!Tokens.isDigest(digest)) {
                throw ConfigLoader.invalid(field, "must be a token digest 'sha256:<64 hex digits>' (matscreen serve"
                        + " token prints one); never put the token itself in the file");
            }
            if (out.put(digest, Principal.member(member, group)) != null) {
                throw ConfigLoader.invalid(field, "the same token digest is configured twice");
            }
        }));
        return out;
    }
}
