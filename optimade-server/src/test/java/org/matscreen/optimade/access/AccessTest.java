package org.matscreen.optimade.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.core.error.InvalidInputException;

/** Tokens, authentication and the embargo rules. */
class AccessTest {
    static long ms(LocalDate d) {
        return d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() + 3_600_000;
    }

    @Test
    void tokensAreRandomAndStoredAsSha256() {
        String t = Tokens.newToken();
        assertTrue(t.matches("msk_[A-Za-z0-9_-]{43}"), t);
        assertNotEquals(t, Tokens.newToken());
        assertEquals("sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Tokens.digest("test"));
        assertTrue(Tokens.isDigest(Tokens.digest(t)));
        assertTrue(!Tokens.isDigest(t) && !Tokens.isDigest("sha256:XYZ"));
    }

    @Test
    void authenticatorAcceptsConfiguredBearerTokensOnly() {
        Authenticator a = new Authenticator(Map.of(Tokens.digest("secret"), Principal.member("alice", "g")));
        assertEquals(Principal.ANONYMOUS, a.authenticate(null));
        assertEquals(Principal.ANONYMOUS, a.authenticate(""));
        assertEquals(Principal.member("alice", "g"), a.authenticate("Bearer secret"));
        assertEquals(Principal.member("alice", "g"), a.authenticate("bearer   secret "));
        assertThrows(Authenticator.Unauthorized.class, () -> a.authenticate("Bearer wrong"));
        assertThrows(Authenticator.Unauthorized.class, () -> a.authenticate("Bearer"));
        assertThrows(Authenticator.Unauthorized.class, () -> a.authenticate("Basic c2VjcmV0"));
        assertThrows(Authenticator.Unauthorized.class, () -> a.authenticate("secret"));
    }

    @Test
    void embargoWithoutEndDateLastsTheDefaultLength() {
        LocalDate computed = LocalDate.of(2026, 1, 15);
        EmbargoPolicy p = new EmbargoPolicy(6, 36, Map.of("c", new EmbargoPolicy.CampaignRule(
                Visibility.Level.EMBARGOED, "g", null)));
        Visibility v = p.effective("c", Visibility.PUBLIC, ms(computed));
        assertEquals(Visibility.Level.EMBARGOED, v.level());
        assertEquals("g", v.owner());
        assertEquals(LocalDate.of(2026, 7, 15), v.embargoUntil());
    }

    @Test
    void noEmbargoOutlastsTheMaximum() {
        LocalDate computed = LocalDate.of(2026, 1, 15);
        Visibility stored = new Visibility(Visibility.Level.EMBARGOED, LocalDate.of(2035, 1, 1), "g");
        assertEquals(LocalDate.of(2029, 1, 15), EmbargoPolicy.DEFAULT.effective("x", stored, ms(computed))
                .embargoUntil());
        assertEquals(LocalDate.of(2026, 4, 15), new EmbargoPolicy(1, 3, Map.of()).effective("x", stored,
                ms(computed)).embargoUntil());
        Visibility shorter = new Visibility(Visibility.Level.EMBARGOED, LocalDate.of(2026, 2, 1), "g");
        assertEquals(shorter, EmbargoPolicy.DEFAULT.effective("x", shorter, ms(computed)));
    }

    @Test
    void overridesReplaceLevelAndOwner() {
        EmbargoPolicy p = new EmbargoPolicy(12, 36, Map.of("c", new EmbargoPolicy.CampaignRule(
                Visibility.Level.CONSORTIUM, "g", null)));
        Visibility stored = new Visibility(Visibility.Level.EMBARGOED, LocalDate.of(2027, 1, 1), "h");
        assertEquals(new Visibility(Visibility.Level.CONSORTIUM, null, "g"), p.effective("c", stored, 0));
        assertEquals(Visibility.PUBLIC, p.effective("other", Visibility.PUBLIC, 0));
    }

    @Test
    void limitsAreChecked() {
        assertThrows(InvalidInputException.class, () -> new EmbargoPolicy(12, 37, Map.of()));
        assertThrows(InvalidInputException.class, () -> new EmbargoPolicy(13, 12, Map.of()));
        assertThrows(InvalidInputException.class, () -> new EmbargoPolicy(-1, 12, Map.of()));
    }
}
