package org.matscreen.repository.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.TierReport;
import org.matscreen.repository.query.RecordStore;

/** A tier's agreement file survives the repository round trip and the report shows it. */
class TierSectionTest {
    @TempDir
    Path dir;

    static TierReport report() {
        return new TierReport("dft", "nial-dft", "nial", "gpaw", "PBE, test preset",
                "fcc 2x1x1 (8 sites), sqs", "dh_form_ev_per_atom", 2, null,
                0.05, -0.05, 1, List.of(
                        new TierReport.Row(1, "aaaaaaaaaaaaaaaa", "Al0.25Ni0.75", "fcc", -0.38, "bbbbbbbbbbbbbbbb",
                                "ok", -0.43, true, ""),
                        new TierReport.Row(2, "cccccccccccccccc", "Al0.5Ni0.5", "bcc", -0.60, "dddddddddddddddd", "ok",
                                -0.65, false, "flag prototype_unstable"),
                        new TierReport.Row(3, "eeeeeeeeeeeeeeee", "Al0.75Ni0.25", "fcc", -0.2, null, "crashed", null,
                                false, "crashed")),
                List.of("rank 4 Al0.2Ni0.8 (fcc): no fcc cell of at most 8 atoms holds it exactly"));
    }

    @Test
    void roundTripsThroughTheRepositoryAndRenders() throws Exception {
        RepositoryLayout layout = new RepositoryLayout(dir.toString(), new Configuration());
        assertEquals(List.of(), TierReport.readAll(layout));
        TierReport.write(layout, report());
        List<TierReport> back = TierReport.readAll(layout);
        assertEquals(List.of(report()), back);
        assertNull(back.get(0).spearman(), "no ρ from two pairs: stored as null, not NaN");
        assertTrue(dir.resolve("tiers/dft/agreement.json").toFile().isFile());

        String html = HtmlReport.render(ReportData.collect(new RecordStore(ReportFixtures.repository(
                dir.resolve("r"))), null), back, Instant.parse("2026-01-02T00:00:00Z"));
        assertTrue(html.contains("<h2 id=\"tiers\">Tiers</h2>"), html);
        assertTrue(html.contains("Spearman ρ – over 2 pairs"), html);
        assertTrue(html.contains("<td>-0.4300</td>"));
        assertTrue(html.contains("no: flag prototype_unstable"));
        assertTrue(html.contains("1 of 3 picks survive"));
        assertTrue(html.contains("Cells of this tier: fcc 2x1x1 (8 sites), sqs."));
        assertTrue(html.contains("Not computed: rank 4 Al0.2Ni0.8"));
        assertTrue(html.contains("aaaaaaaaaaaa → bbbbbbbbbbbb"));
    }
}
