package org.matscreen.repository.report;

/** The axes of an x–y plot: margins, gridlines, tick labels and axis titles. */
final class PlotFrame {
    static final int LEFT = 76;
    static final int RIGHT = 18;
    static final int TOP = 18;
    static final int BOTTOM = 50;

    final Axis x;
    final Axis y;
    private final int width;
    private final int height;

    PlotFrame(int width, int height, double xLow, double xHigh, double yLow, double yHigh) {
        this.width = width;
        this.height = height;
        this.x = Axis.covering(xLow, xHigh, LEFT, width - RIGHT);
        this.y = Axis.covering(yLow, yHigh, height - BOTTOM, TOP);
    }

    /** Draws gridlines, ticks and the two axis titles. */
    void draw(Svg svg, String xTitle, String yTitle) {
        for (double t : x.ticks()) {
            double px = x.px(t);
            svg.line(px, TOP, px, height - BOTTOM, "grid");
            svg.text(px, height - BOTTOM + 16, x.label(t), "tick", "middle", 0);
        }
        for (double t : y.ticks()) {
            double py = y.px(t);
            svg.line(LEFT, py, width - RIGHT, py, "grid");
            svg.text(LEFT - 6, py + 4, y.label(t), "tick", "end", 0);
        }
        svg.line(LEFT, height - BOTTOM, width - RIGHT, height - BOTTOM, "axis");
        svg.line(LEFT, TOP, LEFT, height - BOTTOM, "axis");
        svg.text((LEFT + width - RIGHT) / 2.0, height - 10, xTitle, "axis-title", "middle", 0);
        svg.text(16, (TOP + height - BOTTOM) / 2.0, yTitle, "axis-title", "middle", -90);
    }

    /** "name (unit)" for an axis title. */
    static String title(String name, String unit) {
        return unit.isEmpty() ? name : name + " (" + unit + ")";
    }
}
