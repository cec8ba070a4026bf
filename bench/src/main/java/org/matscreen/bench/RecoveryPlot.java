package org.matscreen.bench;

import java.util.List;
import java.util.Locale;
import org.matscreen.core.adaptive.Replay;

/**
 * The adaptive benchmark's curves as one SVG: hypervolume fraction (left) and front members recovered (right) against
 * simulations spent; each adaptive seed as a thin line, random sampling's mean as a dashed line inside its 5–95 %
 * band.
 */
final class RecoveryPlot {
    private static final int W = 460;
    private static final int H = 330;
    private static final int L = 58;
    private static final int R = 14;
    private static final int T = 30;
    private static final int B = 46;
    private static final String[] SEED_COLOURS = {"#d32f2f", "#1976d2", "#388e3c", "#f57c00", "#7b1fa2",
        "#00838f", "#5d4037", "#c2185b"};

    private RecoveryPlot() {}

    static String svg(List<AdaptiveCommand.Curve> adaptive, List<List<Replay.Point>> random,
            List<Integer> checkpoints, long spaceSize, String title) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\""
                + " height=\"%d\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">%n", 2 * W, H + 24,
                2 * W, H + 24));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" text-anchor=\"middle\" font-weight=\"bold\">%s"
                + "</text>%n", W, escape(title)));
        int maxX = checkpoints.isEmpty() ? 1 : checkpoints.get(checkpoints.size() - 1);
        panel(b, 0, "front hypervolume recovered (%)", true, adaptive, random, checkpoints, maxX, spaceSize);
        panel(b, W, "true front members found (%)", false, adaptive, random, checkpoints, maxX, spaceSize);
        b.append("</svg>\n");
        return b.toString();
    }

    private static void panel(StringBuilder b, int x0, String yTitle, boolean volume,
            List<AdaptiveCommand.Curve> adaptive, List<List<Replay.Point>> random, List<Integer> checkpoints,
            int maxX, long spaceSize) {
        int top = T + 10;
        double px0 = x0 + L;
        double px1 = x0 + W - R;
        double py0 = top + H - B - T;
        double py1 = top;
        java.util.function.DoubleUnaryOperator x = v -> px0 + v / maxX * (px1 - px0);
        java.util.function.DoubleUnaryOperator y = v -> py0 + v * (py1 - py0);
        for (int k = 0; k <= 5; k++) {
            double v = k / 5.0;
            b.append(line(px0, y.applyAsDouble(v), px1, y.applyAsDouble(v), "#eeeeee", 1, ""));
            b.append(text(px0 - 6, y.applyAsDouble(v) + 4, String.format(Locale.ROOT, "%.0f", 100 * v), "end"));
        }
        int step = niceStep(maxX);
        for (int v = 0; v <= maxX; v += step) {
            b.append(line(x.applyAsDouble(v), py0, x.applyAsDouble(v), py1, "#eeeeee", 1, ""));
            b.append(text(x.applyAsDouble(v), py0 + 16, Integer.toString(v), "middle"));
        }
        b.append(line(px0, py0, px1, py0, "#424242", 1.2, ""));
        b.append(line(px0, py0, px0, py1, "#424242", 1.2, ""));
        b.append(line(px0, y.applyAsDouble(0.9), px1, y.applyAsDouble(0.9), "#9e9e9e", 1, "4 3"));
        double fifth = 0.2 * spaceSize;
        if (fifth <= maxX) {
            b.append(line(x.applyAsDouble(fifth), py0, x.applyAsDouble(fifth), py1, "#9e9e9e", 1, "4 3"));
            b.append(text(x.applyAsDouble(fifth) + 3, py1 + 12, "20 % of space", "start"));
        }
        b.append(text((px0 + px1) / 2, py0 + 34, "simulations spent", "middle"));
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90"
                + " %.1f %.1f)\">%s</text>%n", x0 + 16.0, (py0 + py1) / 2, x0 + 16.0, (py0 + py1) / 2, yTitle));
        // random: 5-95 % band and mean
        int n = checkpoints.size();
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            double[] v = AdaptiveCommand.at(random, checkpoints.get(i), volume);
            lo[i] = AdaptiveCommand.quantile(v, 0.05);
            hi[i] = AdaptiveCommand.quantile(v, 0.95);
            mean[i] = AdaptiveCommand.mean(v);
        }
        StringBuilder band = new StringBuilder();
        for (int i = 0; i < n; i++) {
            band.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(checkpoints.get(i)),
                    y.applyAsDouble(hi[i])));
        }
        for (int i = n - 1; i >= 0; i--) {
            band.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(checkpoints.get(i)),
                    y.applyAsDouble(lo[i])));
        }
        b.append("<polygon fill=\"#9e9e9e\" fill-opacity=\"0.3\" stroke=\"none\" points=\"").append(band.toString()
                .strip()).append("\"/>\n");
        StringBuilder rm = new StringBuilder();
        for (int i = 0; i < n; i++) {
            rm.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(checkpoints.get(i)),
                    y.applyAsDouble(mean[i])));
        }
        b.append("<polyline fill=\"none\" stroke=\"#424242\" stroke-width=\"1.8\" stroke-dasharray=\"6 3\" points=\"")
                .append(rm.toString().strip()).append("\"/>\n");
        for (int s = 0; s < adaptive.size(); s++) {
            StringBuilder p = new StringBuilder();
            for (Replay.Point pt : adaptive.get(s).points()) {
                p.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(pt.simulations()),
                        y.applyAsDouble(volume ? pt.volumeFraction() : pt.membersFraction())));
            }
            b.append("<polyline fill=\"none\" stroke=\"").append(SEED_COLOURS[s % SEED_COLOURS.length])
                    .append("\" stroke-width=\"1.5\" points=\"").append(p.toString().strip()).append("\"><title>")
                    .append("adaptive, ").append(escape(adaptive.get(s).label())).append("</title></polyline>\n");
        }
        double ly = py0 - 12;
        b.append(line(px1 - 150, ly - 4, px1 - 128, ly - 4, "#d32f2f", 1.5, ""));
        b.append(text(px1 - 124, ly, "adaptive (one line per seed)", "start"));
        b.append(line(px1 - 150, ly - 20, px1 - 128, ly - 20, "#424242", 1.8, "6 3"));
        b.append(text(px1 - 124, ly - 16, "random, mean and 5–95 %", "start"));
    }

    private static int niceStep(int max) {
        double raw = max / 5.0;
        double mag = Math.pow(10, Math.floor(Math.log10(Math.max(1, raw))));
        double r = raw / mag;
        return (int) Math.max(1, (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * mag);
    }

    private static String line(double x1, double y1, double x2, double y2, String stroke, double width,
            String dash) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                + " stroke-width=\"%.1f\"%s/>%n", x1, y1, x2, y2, stroke, width, dash.isEmpty() ? ""
                : " stroke-dasharray=\"" + dash + "\"");
    }

    private static String text(double x, double y, String s, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y, anchor,
                escape(s));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
