package org.unstuck.reports.chart;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A case's scores on one measure by session: the line of scores, the clinical cut-off, the band of
 * no reliable change around the first score, and, when known, the band expected for cases that
 * started like this one. Everything is drawn from numbers; labels are escaped.
 *
 * @param title for example "PHQ-9 (lower is better)"
 * @param points scores by attended session, in session order
 * @param reliableChange the reliable-change value in points, or null when the measure has none
 * @param expected the expected band by session number, or empty
 */
public record TrajectoryChart(String title, String description, double min, double max, boolean lowerIsBetter,
        List<Point> points, @Nullable Double cutoff, String cutoffLabel, @Nullable Double reliableChange,
        String reliableChangeLabel, List<Band> expected, String sessionAxisLabel) {

    public record Point(int session, double value) {
    }

    public record Band(int session, double low, double high) {
    }

    private static final int WIDTH = 720;
    private static final int HEIGHT = 280;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 36;
    private static final int BOTTOM = 40;

    public TrajectoryChart {
        points = List.copyOf(points);
        expected = List.copyOf(expected);
        if (!(min < max)) {
            throw new IllegalArgumentException("A chart's range needs min below max");
        }
    }

    private int lastSession() {
        var last = Math.max(points.isEmpty() ? 1 : points.getLast().session(),
                expected.isEmpty() ? 1 : expected.getLast().session());
        return Math.max(last, 2);
    }

    private double x(double session) {
        return LEFT + (session - 1) * (WIDTH - LEFT - RIGHT) / (lastSession() - 1);
    }

    private double y(double value) {
        var clamped = Math.max(min, Math.min(max, value));
        return TOP + (max - clamped) * (HEIGHT - TOP - BOTTOM) / (max - min);
    }

    /** The chart as a standalone SVG document. */
    public String toSvg() {
        var svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" class=\"trajectory-chart\" "
                        + "aria-label=\"%s\" font-family=\"sans-serif\" font-size=\"12\">",
                WIDTH, HEIGHT, escape(title)));
        svg.append("<title>").append(escape(title)).append("</title><desc>").append(escape(description)).append("</desc>");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"600\" fill=\"#1f2d3d\">%s</text>",
                LEFT, escape(title)));
        drawGrid(svg);
        drawExpectedBand(svg);
        drawReliableChangeBand(svg);
        drawCutoff(svg);
        drawScores(svg);
        svg.append("</svg>");
        return svg.toString();
    }

    private void drawGrid(StringBuilder svg) {
        var bottom = HEIGHT - BOTTOM;
        svg.append(line(LEFT, TOP, LEFT, bottom, "#8a94a6", 1, null));
        svg.append(line(LEFT, bottom, WIDTH - RIGHT, bottom, "#8a94a6", 1, null));
        var step = niceStep((max - min) / 5);
        for (var value = Math.ceil(min / step) * step; value <= max + 1e-9; value += step) {
            var yy = y(value);
            svg.append(line(LEFT, yy, WIDTH - RIGHT, yy, "#e4e8ef", 1, null));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#4a5568\">%s</text>",
                    LEFT - 6, yy + 4, number(value)));
        }
        var every = Math.max(1, (int) Math.ceil(lastSession() / 12.0));
        for (int session = 1; session <= lastSession(); session += every) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#4a5568\">%d</text>",
                    x(session), bottom + 16, session));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#4a5568\">%s</text>",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 6, escape(sessionAxisLabel)));
    }

    /** A tick step of 1, 2 or 5 times a power of ten, near the rough step asked for. */
    static double niceStep(double rough) {
        var magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        var fraction = rough / magnitude;
        var nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        return nice * magnitude;
    }

    private void drawExpectedBand(StringBuilder svg) {
        if (expected.size() < 2) {
            return;
        }
        var outline = new StringBuilder();
        for (var band : expected) {
            outline.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(band.session()), y(band.high())));
        }
        for (var band : expected.reversed()) {
            outline.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(band.session()), y(band.low())));
        }
        svg.append("<polygon class=\"expected-band\" points=\"").append(outline.toString().strip())
                .append("\" fill=\"#c6e6d9\" fill-opacity=\"0.6\" stroke=\"none\"/>");
    }

    private void drawReliableChangeBand(StringBuilder svg) {
        if (reliableChange == null || points.isEmpty()) {
            return;
        }
        var first = points.getFirst().value();
        var top = y(first + reliableChange);
        var bottom = y(first - reliableChange);
        svg.append(String.format(Locale.ROOT,
                "<rect class=\"reliable-change-band\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"#f2e3b3\" fill-opacity=\"0.55\"/>",
                LEFT, top, WIDTH - LEFT - RIGHT, bottom - top));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#7a5d00\">%s</text>",
                WIDTH - RIGHT - 4, top + 13, escape(reliableChangeLabel)));
    }

    private void drawCutoff(StringBuilder svg) {
        if (cutoff == null) {
            return;
        }
        var yy = y(cutoff);
        svg.append(line(LEFT, yy, WIDTH - RIGHT, yy, "#c0392b", 1.5, "6 4").replace("<line ", "<line class=\"cutoff\" "));
        // Written above the line, or below it when the line runs along the top of the plot.
        var labelY = yy - 5 < TOP + 12 ? yy + 15 : yy - 5;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" fill=\"#c0392b\">%s</text>",
                LEFT + 6, labelY, escape(cutoffLabel)));
    }

    private void drawScores(StringBuilder svg) {
        if (points.isEmpty()) {
            return;
        }
        var polyline = new StringBuilder();
        for (var point : points) {
            polyline.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(point.session()), y(point.value())));
        }
        svg.append("<polyline class=\"scores\" points=\"").append(polyline.toString().strip())
                .append("\" fill=\"none\" stroke=\"#2f6f73\" stroke-width=\"2.5\"/>");
        for (var point : points) {
            svg.append(String.format(Locale.ROOT,
                    "<circle class=\"score\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#2f6f73\"><title>%d: %s</title></circle>",
                    x(point.session()), y(point.value()), point.session(), number(point.value())));
        }
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, double width, @Nullable String dash) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>",
                x1, y1, x2, y2, colour, width, dash == null ? "" : " stroke-dasharray=\"" + dash + "\"");
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        var escaped = new StringBuilder(text.length());
        for (var c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return escaped.toString();
    }
}
