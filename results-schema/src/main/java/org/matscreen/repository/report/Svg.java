package org.matscreen.repository.report;

import java.util.Locale;

/**
 * A minimal builder of inline SVG text: elements with attributes, escaped text, coordinates at 0.1 px. The report
 * draws its plots with it so the HTML needs no script and no network to display.
 */
final class Svg {
    private final StringBuilder b = new StringBuilder();

    /** Opens {@code <svg>} with a view box of {@code width × height} px and the given id and class. */
    Svg(String id, String cssClass, int width, int height, String label) {
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        if (!id.isEmpty()) {
            b.append(" id=\"").append(escape(id)).append('"');
        }
        b.append(" class=\"").append(escape(cssClass)).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(label)).append("\">\n");
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        b.append("<line class=\"").append(cssClass).append("\" x1=\"").append(n(x1)).append("\" y1=\"")
                .append(n(y1)).append("\" x2=\"").append(n(x2)).append("\" y2=\"").append(n(y2)).append("\"/>\n");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String cssClass, String fill, String tooltip, String data) {
        b.append("<rect class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h)).append('"');
        if (!fill.isEmpty()) {
            b.append(" fill=\"").append(fill).append('"');
        }
        b.append(data);
        return closeWithTitle("rect", tooltip);
    }

    Svg circle(double x, double y, double r, String cssClass, String fill, String tooltip) {
        b.append("<circle class=\"").append(cssClass).append("\" cx=\"").append(n(x)).append("\" cy=\"").append(n(y))
                .append("\" r=\"").append(n(r)).append('"');
        if (!fill.isEmpty()) {
            b.append(" fill=\"").append(fill).append('"');
        }
        return closeWithTitle("circle", tooltip);
    }

    Svg polyline(double[] xs, double[] ys, String cssClass, String stroke) {
        b.append("<polyline class=\"").append(cssClass).append("\" fill=\"none\"");
        if (!stroke.isEmpty()) {
            b.append(" stroke=\"").append(stroke).append('"');
        }
        b.append(" points=\"");
        for (int i = 0; i < xs.length; i++) {
            b.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        b.append("\"/>\n");
        return this;
    }

    Svg polygon(double[] xs, double[] ys, String cssClass) {
        b.append("<polygon class=\"").append(cssClass).append("\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            b.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        b.append("\"/>\n");
        return this;
    }

    /** An open polyline with a tooltip (error bars). */
    Svg polylineWithTitle(double[] xs, double[] ys, String cssClass, String stroke, String tooltip) {
        b.append("<polyline class=\"").append(cssClass).append("\" fill=\"none\"");
        if (!stroke.isEmpty()) {
            b.append(" stroke=\"").append(stroke).append('"');
        }
        b.append(" points=\"");
        for (int i = 0; i < xs.length; i++) {
            b.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        b.append('"');
        return closeWithTitle("polyline", tooltip);
    }

    /** A filled polygon with a tooltip. */
    Svg polygonWithTitle(double[] xs, double[] ys, String cssClass, String fill, String tooltip) {
        b.append("<polygon class=\"").append(cssClass).append('"');
        if (!fill.isEmpty()) {
            b.append(" fill=\"").append(fill).append('"');
        }
        b.append(" points=\"");
        for (int i = 0; i < xs.length; i++) {
            b.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        b.append('"');
        return closeWithTitle("polygon", tooltip);
    }

    /** Text anchored at (x, y): {@code anchor} is start, middle or end; {@code rotate} in degrees about (x, y). */
    Svg text(double x, double y, String text, String cssClass, String anchor, double rotate) {
        b.append("<text class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" text-anchor=\"").append(anchor).append('"');
        if (rotate != 0) {
            b.append(" transform=\"rotate(").append(n(rotate)).append(' ').append(n(x)).append(' ').append(n(y))
                    .append(")\"");
        }
        b.append('>').append(escape(text)).append("</text>\n");
        return this;
    }

    /** Closes the {@code <svg>} element and returns the markup. */
    String end() {
        return b.append("</svg>\n").toString();
    }

    private Svg closeWithTitle(String element, String tooltip) {
        if (tooltip.isEmpty()) {
            b.append("/>\n");
        } else {
            b.append("><title>").append(escape(tooltip)).append("</title></").append(element).append(">\n");
        }
        return this;
    }

    /** A coordinate with one decimal, the resolution a screen needs. */
    static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Text safe inside an element or a double-quoted attribute. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
