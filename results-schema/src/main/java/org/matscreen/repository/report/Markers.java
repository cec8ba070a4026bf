package org.matscreen.repository.report;

import java.util.List;
import org.matscreen.core.properties.RecordFlag;

/**
 * Distinct markers for records the ranking leaves out, so a plot shows them apart from the ranked ones: unconverged
 * a hollow square, transformed a triangle, prototype-unstable a diamond, mechanically unstable a cross. A record with
 * several such flags gets the marker of the first in this order; ranked records stay circles.
 */
final class Markers {
    /** The flags that have a marker, in priority order. */
    static final List<RecordFlag> MARKED = List.of(RecordFlag.UNCONVERGED, RecordFlag.TRANSFORMED,
            RecordFlag.PROTOTYPE_UNSTABLE, RecordFlag.MECHANICALLY_UNSTABLE);

    private Markers() {}

    /** The flag whose marker a record with these flag keys gets, or null for a plain circle. */
    static RecordFlag markerOf(List<String> flags) {
        for (RecordFlag f : MARKED) {
            if (flags.contains(f.key())) {
                return f;
            }
        }
        return null;
    }

    /** Draws the marker of {@code flag} (a circle when null) of size {@code r} px at (x, y). */
    static void draw(Svg svg, double x, double y, double r, RecordFlag flag, String cssClass, String fill,
            String tooltip) {
        if (flag == null) {
            svg.circle(x, y, r, cssClass, fill, tooltip);
            return;
        }
        String c = cssClass + " flagged flag-" + flag.key();
        switch (flag) {
            case UNCONVERGED -> svg.rect(x - r, y - r, 2 * r, 2 * r, c + " hollow", "", tooltip, "");
            case TRANSFORMED -> svg.polygonWithTitle(new double[] {x, x + r, x - r},
                    new double[] {y - r, y + 0.8 * r, y + 0.8 * r}, c, fill, tooltip);
            case PROTOTYPE_UNSTABLE -> svg.polygonWithTitle(new double[] {x, x + r, x, x - r},
                    new double[] {y - r, y, y + r, y}, c, fill, tooltip);
            default -> svg.polygonWithTitle(crossX(x, r), crossY(y, r), c, fill, tooltip);
        }
    }

    /** An x-shaped cross as one 12-point polygon, so it carries a tooltip like the other markers. */
    private static double[] crossX(double x, double r) {
        double w = r / 3;
        return new double[] {x - r, x - r + w, x, x + r - w, x + r, x + w, x + r, x + r - w, x, x - r + w, x - r,
            x - w};
    }

    private static double[] crossY(double y, double r) {
        double w = r / 3;
        return new double[] {y - r + w, y - r, y - w, y - r, y - r + w, y, y + r - w, y + r, y + w, y + r,
            y + r - w, y};
    }

    /** An HTML legend of the markers. */
    static String legend() {
        return "<p class=\"muted legend\">Markers: ● ranked; □ unconverged; ▲ transformed (no longer the requested"
                + " prototype); ◆ prototype unstable (the free relaxation left it); ✕ mechanically unstable (Born"
                + " criteria). Flagged records are left out of the Pareto front unless the campaign admits their"
                + " flag.</p>\n";
    }
}
