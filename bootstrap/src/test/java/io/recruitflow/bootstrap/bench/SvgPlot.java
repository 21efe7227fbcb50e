package io.recruitflow.bootstrap.bench;

import java.util.List;
import java.util.Locale;

/**
 * A minimal SVG line chart for numeric benchmark figures: panels side by side, each with x/y axes, ticks,
 * and one polyline with markers per series. Only numbers and the fixed labels given by the benchmark are
 * written (labels are escaped), so no chart library is needed for a figure in {@code docs/}.
 */
final class SvgPlot {
    /** One line: its name, colour and y values at the panel's x values. */
    record Series(String name, String colour, double[] y) {}

    /** One chart: title, axis labels, the x values and the lines; {@code yMin} is the floor of the y axis. */
    record Panel(
            String title,
            String xLabel,
            String yLabel,
            double[] x,
            List<Series> series,
            double yMin,
            Double reference,
            String referenceLabel) {}

    private static final int W = 460;
    private static final int H = 320;
    private static final int LEFT = 62;
    private static final int RIGHT = 16;
    private static final int TOP = 40;
    private static final int BOTTOM = 84;

    private SvgPlot() {}

    static String render(String caption, List<Panel> panels) {
        StringBuilder svg = new StringBuilder();
        int width = W * panels.size();
        int height = H + 24;
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"11\">%n",
                width,
                height,
                width,
                height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        for (int i = 0; i < panels.size(); i++) {
            panel(svg, panels.get(i), i * W);
        }
        svg.append(String.format(
                Locale.ROOT, "<text x=\"8\" y=\"%d\" fill=\"#555\">%s</text>%n", height - 8, escape(caption)));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void panel(StringBuilder svg, Panel p, int ox) {
        double xMin = min(p.x());
        double xMax = max(p.x());
        if (xMax == xMin) {
            xMax = xMin + 1;
        }
        double yMax = p.reference() == null ? 0 : p.reference();
        for (Series s : p.series()) {
            yMax = Math.max(yMax, max(s.y()));
        }
        yMax = niceCeiling(yMax <= p.yMin() ? p.yMin() + 1 : yMax * 1.08);
        double yMin = p.yMin();
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        double fx0 = xMin;
        double fx1 = xMax;
        double fy1 = yMax;
        java.util.function.DoubleUnaryOperator sx = v -> ox + LEFT + (v - fx0) / (fx1 - fx0) * plotW;
        java.util.function.DoubleUnaryOperator sy = v -> TOP + plotH - (v - yMin) / (fy1 - yMin) * plotH;
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"20\" font-size=\"13\" font-weight=\"bold\">%s</text>%n",
                ox + LEFT,
                escape(p.title())));
        // y grid and ticks
        for (int t = 0; t <= 5; t++) {
            double v = yMin + (yMax - yMin) * t / 5;
            double y = sy.applyAsDouble(v);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    ox + LEFT,
                    y,
                    ox + LEFT + plotW,
                    y,
                    ox + LEFT - 4,
                    y + 4,
                    number(v)));
        }
        // x ticks at the data's x values
        for (double v : p.x()) {
            double x = sx.applyAsDouble(v);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x,
                    TOP + plotH,
                    x,
                    TOP + plotH + 4,
                    x,
                    TOP + plotH + 16,
                    number(v)));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                ox + LEFT,
                TOP,
                ox + LEFT,
                TOP + plotH,
                ox + LEFT,
                TOP + plotH,
                ox + LEFT + plotW,
                TOP + plotH));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                ox + LEFT + plotW / 2,
                TOP + plotH + 32,
                escape(p.xLabel())));
        svg.append(String.format(
                Locale.ROOT,
                "<text transform=\"translate(%d,%d) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
                ox + 14,
                TOP + plotH / 2,
                escape(p.yLabel())));
        if (p.reference() != null) {
            double y = sy.applyAsDouble(p.reference());
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c00\" stroke-dasharray=\"5,4\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" fill=\"#c00\" text-anchor=\"end\">%s</text>%n",
                    ox + LEFT,
                    y,
                    ox + LEFT + plotW,
                    y,
                    ox + LEFT + plotW,
                    y - 4,
                    escape(p.referenceLabel())));
        }
        int legendY = TOP + plotH + 48;
        for (int i = 0; i < p.series().size(); i++) {
            Series s = p.series().get(i);
            StringBuilder points = new StringBuilder();
            for (int k = 0; k < p.x().length; k++) {
                if (!Double.isNaN(s.y()[k])) {
                    points.append(String.format(
                            Locale.ROOT, "%.1f,%.1f ", sx.applyAsDouble(p.x()[k]), sy.applyAsDouble(s.y()[k])));
                }
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
                    s.colour(),
                    points.toString().strip()));
            for (int k = 0; k < p.x().length; k++) {
                if (!Double.isNaN(s.y()[k])) {
                    svg.append(String.format(
                            Locale.ROOT,
                            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s at %s: %s</title></circle>%n",
                            sx.applyAsDouble(p.x()[k]),
                            sy.applyAsDouble(s.y()[k]),
                            s.colour(),
                            escape(s.name()),
                            number(p.x()[k]),
                            number(s.y()[k])));
                }
            }
            int lx = ox + LEFT + (i % 2) * (plotW / 2);
            int ly = legendY + (i / 2) * 14;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>"
                            + "<text x=\"%d\" y=\"%d\">%s</text>%n",
                    lx,
                    ly - 4,
                    lx + 16,
                    ly - 4,
                    s.colour(),
                    lx + 20,
                    ly,
                    escape(s.name())));
        }
    }

    private static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String number(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return String.format(Locale.ROOT, "%d", Math.round(v));
        }
        return Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).filter(d -> !Double.isNaN(d)).min().orElse(0);
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).filter(d -> !Double.isNaN(d)).max().orElse(0);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
