package org.matscreen.optimade.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.optimade.access.Principal;
import org.matscreen.optimade.access.Tokens;

/** The server configuration file: defaults, every section, and errors that name file, field and reason. */
class ConfigLoaderTest {
    static final String DIGEST = Tokens.digest("t");

    @Test
    void emptyFileGivesSafeDefaults() {
        ServerConfig c = ConfigLoader.parse("", "server.yaml");
        assertEquals(20, c.limits().defaultPageLimit());
        assertEquals(500, c.limits().maxPageLimit());
        assertTrue(c.cors().allowedOrigins().isEmpty(), "CORS off by default");
        assertEquals(36, c.embargoPolicy().maxMonths());
        assertEquals(12, c.embargoPolicy().defaultMonths());
        assertTrue(c.principalsByDigest().isEmpty());
        assertEquals("matscreen", c.provider().prefix());
        assertEquals(false, c.includeFailed());
    }

    @Test
    void everySection() {
        ServerConfig c = ConfigLoader.parse("""
                provider: {name: HEA, description: d, prefix: matscreen, homepage: "https://hea.example"}
                database: {id: hea, name: HEA results, description: x, license_url: "https://hea.example/licence"}
                public_url: https://optimade.hea.example/v/
                include_failed: true
                limits: {default_page_limit: 10, max_page_limit: 100, idle_timeout_seconds: 5}
                cors: {allowed_origins: ["*"]}
                embargo: {default_months: 6, max_months: 24}
                campaigns:
                  c1: {visibility: embargoed, owner: lab, embargo_until: 2027-03-31}
                groups:
                  lab:
                    members: {alice: "%s"}
                """.formatted(DIGEST), "server.yaml");
        assertEquals("https://optimade.hea.example/v", c.publicUrl());
        assertTrue(c.includeFailed());
        assertEquals(10, c.limits().defaultPageLimit());
        assertEquals(24, c.embargoPolicy().maxMonths());
        assertEquals(new org.matscreen.optimade.access.EmbargoPolicy.CampaignRule(Visibility.Level.EMBARGOED, "lab",
                LocalDate.of(2027, 3, 31)), c.embargoPolicy().overrides().get("c1"));
        assertEquals(Principal.member("alice", "lab"), c.principalsByDigest().get(DIGEST));
    }

    static InvalidInputException error(String yaml) {
        return assertThrows(InvalidInputException.class, () -> ConfigLoader.parse(yaml, "server.yaml"));
    }

    @Test
    void errorsNameFileFieldAndReason() {
        InvalidInputException typo = error("limits: {max_page_limt: 3}");
        assertEquals("server.yaml", typo.source());
        assertTrue(typo.getMessage().contains("max_page_limt"), typo.getMessage());
        InvalidInputException maxEmbargo = error("embargo: {max_months: 48}");
        assertEquals("embargo.max_months", maxEmbargo.field());
        assertEquals("embargo.default_months", error("embargo: {default_months: 30, max_months: 24}").field());
        assertEquals("limits.default_page_limit", error("limits: {default_page_limit: 0}").field());
        assertEquals("limits.default_page_limit", error("limits: {default_page_limit: 600}").field());
        InvalidInputException plain = error("groups: {lab: {members: {alice: msk_plaintexttoken}}}");
        assertEquals("groups.lab.members.alice", plain.field());
        assertTrue(plain.reason().contains("never put the token itself"));
        assertEquals("groups.b.members.bob", error("groups: {a: {members: {alice: \"" + DIGEST + "\"}}, b: {members:"
                + " {bob: \"" + DIGEST + "\"}}}").field());
        assertEquals("campaigns.c.visibility", error("campaigns: {c: {visibility: secret}}").field());
        assertEquals("campaigns.c.owner", error("campaigns: {c: {visibility: embargoed, owner: nobody}}").field());
        assertTrue(error("limits: [").getMessage().startsWith("server.yaml: "));
    }

    /** Issue 17, item 10: a repeated group silently dropped the first one's members; now both lines are named. */
    @Test
    void duplicateKeysAreErrorsNamingBothLines() {
        InvalidInputException e = error("""
                groups:
                  lab:
                    members: {alice: "%s"}
                  lab:
                    members: {bob: "%s"}
                """.formatted(DIGEST, Tokens.digest("u")));
        assertEquals("server.yaml", e.source());
        assertEquals("groups.lab", e.field());
        assertTrue(e.reason().contains("line 2") && e.reason().contains("line 4"), e.getMessage());
    }
}
