package org.unstuck.reports.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
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
        var canvas = new SvgCanvas(WIDTH, HEIGHT, title, description);
        draw(canvas);
        return canvas.finish();
    }

    /** The chart as vector graphics on a PDF page: its top-left corner at (left, top) in points, so many points wide. */
    public void drawOnPdf(PDPageContentStream content, double left, double top, double width) {
        draw(new PdfCanvas(content, left, top, width / WIDTH));
    }

    /** How tall the chart is for a given width, keeping its proportions. */
    public static double heightFor(double width) {
        return width * HEIGHT / WIDTH;
    }

    private void draw(ChartCanvas canvas) {
        canvas.text(LEFT, 20, title, 14, "#1f2d3d", ChartCanvas.Anchor.START, true);
        drawGrid(canvas);
        drawExpectedBand(canvas);
        drawReliableChangeBand(canvas);
        drawCutoff(canvas);
        drawScores(canvas);
    }

    private void drawGrid(ChartCanvas canvas) {
        var bottom = HEIGHT - BOTTOM;
        canvas.line(LEFT, TOP, LEFT, bottom, "#8a94a6", 1, null, null);
        canvas.line(LEFT, bottom, WIDTH - RIGHT, bottom, "#8a94a6", 1, null, null);
        var step = niceStep((max - min) / 5);
        for (var value = Math.ceil(min / step) * step; value <= max + 1e-9; value += step) {
            var yy = y(value);
            canvas.line(LEFT, yy, WIDTH - RIGHT, yy, "#e4e8ef", 1, null, null);
            canvas.text(LEFT - 6, yy + 4, number(value), 12, "#4a5568", ChartCanvas.Anchor.END, false);
        }
        var every = Math.max(1, (int) Math.ceil(lastSession() / 12.0));
        for (int session = 1; session <= lastSession(); session += every) {
            canvas.text(x(session), bottom + 16, Integer.toString(session), 12, "#4a5568", ChartCanvas.Anchor.MIDDLE, false);
        }
        canvas.text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 6, sessionAxisLabel, 12, "#4a5568", ChartCanvas.Anchor.MIDDLE, false);
    }

    /** A tick step of 1, 2 or 5 times a power of ten, near the rough step asked for. */
    static double niceStep(double rough) {
        var magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        var fraction = rough / magnitude;
        var nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        return nice * magnitude;
    }

    private void drawExpectedBand(ChartCanvas canvas) {
        if (expected.size() < 2) {
            return;
        }
        var outline = new ArrayList<double[]>();
        for (var band : expected) {
            outline.add(new double[] {x(band.session()), y(band.high())});
        }
        for (var band : expected.reversed()) {
            outline.add(new double[] {x(band.session()), y(band.low())});
        }
        canvas.polygon(outline, "#c6e6d9", 0.6, "expected-band");
    }

    private void drawReliableChangeBand(ChartCanvas canvas) {
        if (reliableChange == null || points.isEmpty()) {
            return;
        }
        var first = points.getFirst().value();
        var top = y(first + reliableChange);
        var bottom = y(first - reliableChange);
        canvas.rect(LEFT, top, WIDTH - LEFT - RIGHT, bottom - top, "#f2e3b3", 0.55, "reliable-change-band");
        canvas.text(WIDTH - RIGHT - 4, top + 13, reliableChangeLabel, 12, "#7a5d00", ChartCanvas.Anchor.END, false);
    }

    private void drawCutoff(ChartCanvas canvas) {
        if (cutoff == null) {
            return;
        }
        var yy = y(cutoff);
        canvas.line(LEFT, yy, WIDTH - RIGHT, yy, "#c0392b", 1.5, "6 4", "cutoff");
        // Written above the line, or below it when the line runs along the top of the plot.
        var labelY = yy - 5 < TOP + 12 ? yy + 15 : yy - 5;
        canvas.text(LEFT + 6, labelY, cutoffLabel, 12, "#c0392b", ChartCanvas.Anchor.START, false);
    }

    private void drawScores(ChartCanvas canvas) {
        if (points.isEmpty()) {
            return;
        }
        canvas.polyline(points.stream().map(point -> new double[] {x(point.session()), y(point.value())}).toList(),
                "#2f6f73", 2.5, "scores");
        for (var point : points) {
            canvas.circle(x(point.session()), y(point.value()), 4, "#2f6f73", point.session() + ": " + number(point.value()),
                    "score");
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
