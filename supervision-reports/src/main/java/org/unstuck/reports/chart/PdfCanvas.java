package org.unstuck.reports.chart;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.jspecify.annotations.Nullable;
import org.unstuck.reports.pdf.PdfText;

/**
 * Draws a chart as vector graphics onto a PDF page, scaled into a box whose top-left corner is
 * given in PDF points (PDF's y grows upwards, the chart's downwards).
 */
public final class PdfCanvas implements ChartCanvas {

    private final PDPageContentStream content;
    private final double left;
    private final double top;
    private final double scale;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    public PdfCanvas(PDPageContentStream content, double left, double top, double scale) {
        this.content = content;
        this.left = left;
        this.top = top;
        this.scale = scale;
    }

    private float x(double x) {
        return (float) (left + x * scale);
    }

    private float y(double y) {
        return (float) (top - y * scale);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String colour, double width, @Nullable String dash,
            @Nullable String cssClass) {
        draw(() -> {
            content.setStrokingColor(Color.decode(colour));
            content.setLineWidth((float) (width * scale));
            if (dash != null) {
                var parts = dash.split(" ");
                content.setLineDashPattern(new float[] {(float) (Double.parseDouble(parts[0]) * scale),
                        (float) (Double.parseDouble(parts[1]) * scale)}, 0);
            }
            content.moveTo(x(x1), y(y1));
            content.lineTo(x(x2), y(y2));
            content.stroke();
        });
    }

    @Override
    public void rect(double x, double y, double width, double height, String fill, double opacity, @Nullable String cssClass) {
        draw(() -> {
            translucent(opacity);
            content.setNonStrokingColor(Color.decode(fill));
            content.addRect(x(x), y(y + height), (float) (width * scale), (float) (height * scale));
            content.fill();
        });
    }

    @Override
    public void polygon(List<double[]> points, String fill, double opacity, @Nullable String cssClass) {
        draw(() -> {
            translucent(opacity);
            content.setNonStrokingColor(Color.decode(fill));
            path(points);
            content.closePath();
            content.fill();
        });
    }

    @Override
    public void polyline(List<double[]> points, String colour, double width, @Nullable String cssClass) {
        draw(() -> {
            content.setStrokingColor(Color.decode(colour));
            content.setLineWidth((float) (width * scale));
            path(points);
            content.stroke();
        });
    }

    @Override
    public void circle(double cx, double cy, double radius, String fill, @Nullable String tooltip, @Nullable String cssClass) {
        draw(() -> {
            content.setNonStrokingColor(Color.decode(fill));
            // Four Bézier quarters; 0.5523 makes them round.
            var r = (float) (radius * scale);
            var k = 0.5523f * r;
            var centreX = x(cx);
            var centreY = y(cy);
            content.moveTo(centreX + r, centreY);
            content.curveTo(centreX + r, centreY + k, centreX + k, centreY + r, centreX, centreY + r);
            content.curveTo(centreX - k, centreY + r, centreX - r, centreY + k, centreX - r, centreY);
            content.curveTo(centreX - r, centreY - k, centreX - k, centreY - r, centreX, centreY - r);
            content.curveTo(centreX + k, centreY - r, centreX + r, centreY - k, centreX + r, centreY);
            content.fill();
        });
    }

    @Override
    public void text(double x, double y, String text, double size, String colour, Anchor anchor, boolean isBold) {
        draw(() -> {
            var font = isBold ? bold : regular;
            var shown = PdfText.printable(font, text);
            var fontSize = (float) (size * scale);
            var width = font.getStringWidth(shown) / 1000 * fontSize;
            var start = switch (anchor) {
                case START -> x(x);
                case MIDDLE -> x(x) - width / 2;
                case END -> x(x) - width;
            };
            content.setNonStrokingColor(Color.decode(colour));
            content.beginText();
            content.setFont(font, fontSize);
            content.newLineAtOffset(start, y(y));
            content.showText(shown);
            content.endText();
        });
    }

    private void path(List<double[]> points) throws IOException {
        content.moveTo(x(points.getFirst()[0]), y(points.getFirst()[1]));
        for (var point : points.subList(1, points.size())) {
            content.lineTo(x(point[0]), y(point[1]));
        }
    }

    private void translucent(double opacity) throws IOException {
        var state = new PDExtendedGraphicsState();
        state.setNonStrokingAlphaConstant((float) opacity);
        content.setGraphicsStateParameters(state);
    }

    private interface Drawing {
        void run() throws IOException;
    }

    /** Each shape in its own graphics state, so colours, dashes and transparency do not leak. */
    private void draw(Drawing drawing) {
        try {
            content.saveGraphicsState();
            drawing.run();
            content.restoreGraphicsState();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw the chart", e);
        }
    }
}
