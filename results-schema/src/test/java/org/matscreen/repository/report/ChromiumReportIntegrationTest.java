package org.matscreen.repository.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.repository.ExternalTool;
import org.matscreen.repository.query.RecordStore;

/**
 * The report rendered by a real browser (Debian's {@code chromium}, headless, offline): the DOM Chromium builds has
 * every plot, and its screenshot is a drawn page with the Pareto front's colour on it, not a blank one.
 */
@Tag("integration")
@Tag("chromium")
class ChromiumReportIntegrationTest {
    /** The fill of front points ({@code svg .front} in the report's CSS). */
    private static final int FRONT_RGB = 0xd32f2f;

    @TempDir
    Path dir;

    Chromium chromium;
    Path report;

    @BeforeEach
    void render() throws IOException {
        chromium = new Chromium(ExternalTool.require("MATSCREEN_CHROMIUM", "chromium", "chromium",
                "chromium-browser"), dir.resolve("profile"));
        ReportData data = ReportData.collect(new RecordStore(ReportFixtures.repository(dir.resolve("repo"))), null);
        report = Files.writeString(dir.resolve("report.html"), HtmlReport.render(data, Instant.now()));
    }

    @Test
    void theBrowsersDomHasEveryPlot() {
        String dom = chromium.dumpDom(report);
        assertTrue(dom.contains("id=\"pareto-chart\""), dom);
        assertTrue(HtmlReportTest.count(dom, "<circle class=\"front\"") > 0);
        assertEquals(5, HtmlReportTest.count(dom, "class=\"status-bar\""));
        assertEquals(6, HtmlReportTest.count(dom, "binary-chart"));
        assertEquals(8, HtmlReportTest.count(dom, "ternary-chart"));
        // issue 18 item 11, as the browser built it: readable axis titles, ternary gridlines, legends beside the plot
        assertTrue(dom.contains(">Mixing enthalpy ΔH_mix (eV/atom) → min</text>"), "readable Pareto axis title");
        assertEquals(8 * 12, HtmlReportTest.count(dom, "class=\"ternary-grid\""), "12 gridlines per ternary");
        for (String chart : HtmlReportTest.charts(dom, "chart binary-chart")) {
            for (double x : HtmlReportTest.numbers(chart, "<text class=\"legend\" x=\"([0-9.]+)\"")) {
                assertTrue(x > CompositionCharts.W - PlotFrame.RIGHT, "legend outside the plot area: " + x);
            }
        }
    }

    @Test
    void theScreenshotIsADrawnPage() throws IOException {
        Path png = chromium.screenshot(report, dir.resolve("report.png"), 1280, 2600);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        long inked = 0;
        long front = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                inked += rgb != 0xffffff ? 1 : 0;
                front += rgb == FRONT_RGB ? 1 : 0;
            }
        }
        long pixels = (long) image.getWidth() * image.getHeight();
        assertTrue(inked > pixels / 50, "at least 2 % of the page is drawn: " + inked + " of " + pixels);
        assertTrue(colours.size() > 50, "plots in many colours, not a blank page: " + colours.size());
        assertTrue(front > 50, "the Pareto front's red is on the page: " + front + " px");
    }
}
