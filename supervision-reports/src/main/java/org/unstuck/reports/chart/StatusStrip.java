package org.unstuck.reports.chart;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * A case's status over time: one coloured stretch per status in force, from the case's first
 * assessment to the last day shown, with the day each change took effect written under it.
 *
 * @param segments the statuses in force, oldest first, each from its first day until the next one's
 * @param to the last day shown (today, or the day the case closed)
 */
public record StatusStrip(String title, String description, List<Segment> segments, LocalDate to) {

    /**
     * @param status the status's code (ON_TRACK, WATCH, STALLED, DETERIORATING, RISK, INSUFFICIENT_DATA), which picks the colour
     * @param label the status in the reader's words
     * @param fromLabel the first day in the reader's words
     */
    public record Segment(LocalDate from, String status, String label, String fromLabel) {
    }

    private static final int WIDTH = 720;
    private static final int HEIGHT = 76;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int BAR_TOP = 28;
    private static final int BAR_HEIGHT = 22;
    /** Roughly how wide a character of the 11-point labels is, to leave out labels that would not fit. */
    private static final double CHARACTER_WIDTH = 6.2;
    private static final Map<String, String> COLOURS = Map.of(
            "INSUFFICIENT_DATA", "#c3c9d4",
            "ON_TRACK", "#3c9d6e",
            "WATCH", "#e0b02f",
            "STALLED", "#e07b2f",
            "DETERIORATING", "#c0392b",
            "RISK", "#7a0c2e");

    public StatusStrip {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("A status strip shows at least one status");
        }
    }

    public String toSvg() {
        var canvas = new SvgCanvas(WIDTH, HEIGHT, title, description);
        draw(canvas);
        return canvas.finish();
    }

    /** The strip as vector graphics on a PDF page: its top-left corner at (left, top) in points, so many points wide. */
    public void drawOnPdf(PDPageContentStream content, double left, double top, double width) {
        draw(new PdfCanvas(content, left, top, width / WIDTH));
    }

    public static double heightFor(double width) {
        return width * HEIGHT / WIDTH;
    }

    private LocalDate first() {
        return segments.getFirst().from();
    }

    private double x(LocalDate day) {
        var days = Math.max(1, ChronoUnit.DAYS.between(first(), to));
        var clamped = day.isAfter(to) ? to : day;
        return LEFT + ChronoUnit.DAYS.between(first(), clamped) * (double) (WIDTH - LEFT - RIGHT) / days;
    }

    private void draw(ChartCanvas canvas) {
        canvas.text(LEFT, 18, title, 14, "#1f2d3d", ChartCanvas.Anchor.START, true);
        var lastLabelEnd = Double.NEGATIVE_INFINITY;
        for (var i = 0; i < segments.size(); i++) {
            var segment = segments.get(i);
            var start = x(segment.from());
            var end = i + 1 < segments.size() ? x(segments.get(i + 1).from()) : WIDTH - RIGHT;
            var width = Math.max(1, end - start);
            canvas.rect(start, BAR_TOP, width, BAR_HEIGHT, COLOURS.getOrDefault(segment.status(), "#c3c9d4"), 1,
                    "status-" + segment.status().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (segment.label().length() * CHARACTER_WIDTH + 8 < width) {
                canvas.text(start + 4, BAR_TOP + 15, segment.label(), 11, textColour(segment.status()),
                        ChartCanvas.Anchor.START, true);
            }
            var dateWidth = segment.fromLabel().length() * CHARACTER_WIDTH;
            if (start >= lastLabelEnd + 8 && start + dateWidth <= WIDTH) {
                canvas.line(start, BAR_TOP + BAR_HEIGHT, start, BAR_TOP + BAR_HEIGHT + 5, "#4a5568", 1, null, null);
                canvas.text(start, HEIGHT - 8, segment.fromLabel(), 11, "#4a5568", ChartCanvas.Anchor.START, false);
                lastLabelEnd = start + dateWidth;
            }
        }
    }

    private static String textColour(String status) {
        return status.equals("INSUFFICIENT_DATA") || status.equals("WATCH") ? "#1f2d3d" : "#ffffff";
    }
}
