package org.matscreen.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ManifestRunTest {
    private static final String OLD_RUN = "{\"startedAt\":\"2026-01-01T00:00:00Z\",\"finishedAt\":\"2026-01-01T00:01:00Z\","
            + "\"master\":\"local[2]\",\"cores\":2,\"computed\":5,\"skipped\":0,\"statusCounts\":{\"ok\":5},"
            + "\"wallSeconds\":12.5,\"nativeSeconds\":20.0,\"complete\":true,\"retriedStatuses\":[],\"retried\":0}";

    @Test
    void aRunWrittenBeforeTheFirstRecordTimeReadsAsHavingNone() throws Exception {
        Manifest.Run r = JsonFiles.mapper().readValue(OLD_RUN, Manifest.Run.class);
        assertEquals(Manifest.Run.NO_RECORD, r.firstRecordSeconds());
        assertEquals(5, r.computed());
    }

    @Test
    void theFirstRecordTimeSurvivesARoundTrip() throws Exception {
        Manifest.Run r = new Manifest.Run("a", "b", "local[2]", 2, 5, 0, java.util.Map.of("ok", 5L), 12.5, 20, true,
                java.util.List.of(), 0, 6.25);
        String json = JsonFiles.mapper().writeValueAsString(r);
        assertEquals(6.25, JsonFiles.mapper().readValue(json, Manifest.Run.class).firstRecordSeconds());
    }
}
