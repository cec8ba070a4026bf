package org.matscreen.repository.report;

import java.util.Locale;

/**
 * The viridis colour map (perceptually uniform, readable in grey and by colour-blind readers), by linear
 * interpolation between five of its anchor colours.
 */
final class ColourMap {
    private static final double[][] ANCHORS = {
        {0x44, 0x01, 0x54}, {0x3b, 0x52, 0x8b}, {0x21, 0x91, 0x8c}, {0x5e, 0xc9, 0x62}, {0xfd, 0xe7, 0x25}
    };

    private ColourMap() {}

    /** The colour of {@code t} in [0, 1] (clamped) as {@code #rrggbb}. */
    static String viridis(double t) {
        double x = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (ANCHORS.length - 1);
        int i = Math.min((int) x, ANCHORS.length - 2);
        double f = x - i;
        int[] rgb = new int[3];
        for (int k = 0; k < 3; k++) {
            rgb[k] = (int) Math.round(ANCHORS[i][k] + f * (ANCHORS[i + 1][k] - ANCHORS[i][k]));
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }
}
