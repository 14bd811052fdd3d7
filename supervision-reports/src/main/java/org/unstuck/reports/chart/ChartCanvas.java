package org.unstuck.reports.chart;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a chart is drawn with: the same drawing becomes SVG for the screen and vector graphics in a
 * PDF. Coordinates are in the chart's own units, y growing downwards.
 */
public interface ChartCanvas {

    enum Anchor {
        START,
        MIDDLE,
        END
    }

    void line(double x1, double y1, double x2, double y2, String colour, double width, @Nullable String dash,
            @Nullable String cssClass);

    void rect(double x, double y, double width, double height, String fill, double opacity, @Nullable String cssClass);

    void polygon(List<double[]> points, String fill, double opacity, @Nullable String cssClass);

    void polyline(List<double[]> points, String colour, double width, @Nullable String cssClass);

    void circle(double cx, double cy, double radius, String fill, @Nullable String tooltip, @Nullable String cssClass);

    void text(double x, double y, String text, double size, String colour, Anchor anchor, boolean bold);
}
