package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.matscreen.core.error.InvalidInputException;

class TimeLimitsTest {
    @Test
    void wallTimes() {
        assertEquals(Duration.ofHours(2), TimeLimits.parseWallTime("02:00:00", "--time"));
        assertEquals(Duration.ofDays(1).plusHours(3).plusSeconds(5), TimeLimits.parseWallTime("1-03:00:05", "--time"));
        assertEquals(Duration.ofHours(100), TimeLimits.parseWallTime("100:00:00", "--time"));
        for (String bad : new String[] {"00:00:30", "1:60:00", "10", "2h", "", "01:00", "aa:bb:cc"}) {
            assertThrows(InvalidInputException.class, () -> TimeLimits.parseWallTime(bad, "--time"), bad);
        }
        assertEquals("27:00:05", TimeLimits.format(Duration.ofDays(1).plusHours(3).plusSeconds(5)));
    }

    @Test
    void margins() {
        assertEquals(Duration.ofSeconds(90), TimeLimits.parseMargin("90", "--stop-before"));
        assertEquals(Duration.ofSeconds(90), TimeLimits.parseMargin("90s", "--stop-before"));
        assertEquals(Duration.ofMinutes(5), TimeLimits.parseMargin("5m", "--stop-before"));
        assertEquals(Duration.ofHours(1), TimeLimits.parseMargin("1H", "--stop-before"));
        assertEquals(Duration.ofSeconds(3723), TimeLimits.parseMargin("01:02:03", "--stop-before"));
        assertThrows(InvalidInputException.class, () -> TimeLimits.parseMargin("5 min", "--stop-before"));
        assertThrows(InvalidInputException.class, () -> TimeLimits.parseMargin("-5", "--stop-before"));
    }

    @Test
    void deadlines() {
        Instant t = Instant.parse("2030-01-31T18:00:00Z");
        assertEquals(t, TimeLimits.parseDeadline("2030-01-31T18:00:00Z", "--deadline"));
        assertEquals(t, TimeLimits.parseDeadline("2030-02-01T03:00:00+09:00", "--deadline"));
        assertEquals(t, TimeLimits.parseDeadline(Long.toString(t.getEpochSecond()), "--deadline"));
        assertThrows(InvalidInputException.class, () -> TimeLimits.parseDeadline("2030-01-31T18:00:00",
                "--deadline"), "a time without offset is ambiguous across nodes and zones");
        assertThrows(InvalidInputException.class, () -> TimeLimits.parseDeadline("tomorrow", "--deadline"));
    }

    @Test
    void defaultStopBeforeFitsTheJob() {
        assertEquals(180, SubmitCommand.defaultMargin(24 * 3600, 120));
        assertEquals(660, SubmitCommand.defaultMargin(24 * 3600, 600));
        assertEquals(120, SubmitCommand.defaultMargin(600, 600), "at most a tenth of a 10-minute job, 2 min minimum");
        assertEquals(30, SubmitCommand.defaultMargin(60, 600), "never more than half of a short job");
    }
}
