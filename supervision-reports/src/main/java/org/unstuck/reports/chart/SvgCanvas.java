package org.unstuck.reports.chart;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Draws a chart as an SVG document; every text is escaped. */
final class SvgCanvas implements ChartCanvas {

    private final StringBuilder svg = new StringBuilder();

    SvgCanvas(int width, int height, String title, String description) {
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" class=\"trajectory-chart\" "
                        + "aria-label=\"%s\" font-family=\"sans-serif\" font-size=\"12\">",
                width, height, escape(title)));
        svg.append("<title>").append(escape(title)).append("</title><desc>").append(escape(description)).append("</desc>");
    }

    String finish() {
        return svg + "</svg>";
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String colour, double width, @Nullable String dash,
            @Nullable String cssClass) {
        svg.append(String.format(Locale.ROOT, "<line%s x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                + "stroke-width=\"%.1f\"%s/>", css(cssClass), x1, y1, x2, y2, colour, width,
                dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
    }

    @Override
    public void rect(double x, double y, double width, double height, String fill, double opacity, @Nullable String cssClass) {
        svg.append(String.format(Locale.ROOT,
                "<rect%s x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" fill-opacity=\"%.2f\"/>",
                css(cssClass), x, y, width, height, fill, opacity));
    }

    @Override
    public void polygon(List<double[]> points, String fill, double opacity, @Nullable String cssClass) {
        svg.append(String.format(Locale.ROOT, "<polygon%s points=\"%s\" fill=\"%s\" fill-opacity=\"%.2f\" stroke=\"none\"/>",
                css(cssClass), points(points), fill, opacity));
    }

    @Override
    public void polyline(List<double[]> points, String colour, double width, @Nullable String cssClass) {
        svg.append(String.format(Locale.ROOT, "<polyline%s points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"/>",
                css(cssClass), points(points), colour, width));
    }

    @Override
    public void circle(double cx, double cy, double radius, String fill, @Nullable String tooltip, @Nullable String cssClass) {
        svg.append(String.format(Locale.ROOT, "<circle%s cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\">", css(cssClass), cx, cy,
                radius, fill));
        if (tooltip != null) {
            svg.append("<title>").append(escape(tooltip)).append("</title>");
        }
        svg.append("</circle>");
    }

    @Override
    public void text(double x, double y, String text, double size, String colour, Anchor anchor, boolean bold) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\"%s%s fill=\"%s\">%s</text>", x, y,
                size, anchor == Anchor.START ? "" : " text-anchor=\"" + anchor.name().toLowerCase(Locale.ROOT) + "\"",
                bold ? " font-weight=\"600\"" : "", colour, escape(text)));
    }

    private static String css(@Nullable String cssClass) {
        return cssClass == null ? "" : " class=\"" + cssClass + "\"";
    }

    private static String points(List<double[]> points) {
        return points.stream().map(point -> String.format(Locale.ROOT, "%.1f,%.1f", point[0], point[1]))
                .collect(Collectors.joining(" "));
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
