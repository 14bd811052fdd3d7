package org.unstuck.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class TrajectoryChartTest {

    private static TrajectoryChart phq9(String title) {
        return new TrajectoryChart(title, "PHQ-9 scores by session", 0, 27, true,
                List.of(new TrajectoryChart.Point(1, 18), new TrajectoryChart.Point(2, 17), new TrajectoryChart.Point(3, 12)),
                10.0, "Clinical cut-off 10", 6.0, "No reliable change", List.of(), "Session");
    }

    private static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void the_chart_is_well_formed_svg_with_one_marker_per_score() throws Exception {
        var document = parse(phq9("PHQ-9 (lower is better)").toSvg());
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(document.getElementsByTagName("circle").getLength()).isEqualTo(3);
        assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(1);
    }

    @Test
    void higher_scores_are_drawn_higher_and_the_cut_off_sits_at_its_value() throws Exception {
        var document = parse(phq9("PHQ-9").toSvg());
        var circles = document.getElementsByTagName("circle");
        var first = Double.parseDouble(((Element) circles.item(0)).getAttribute("cy"));
        var third = Double.parseDouble(((Element) circles.item(2)).getAttribute("cy"));
        assertThat(first).isLessThan(third);

        var lines = document.getElementsByTagName("line");
        Element cutoff = null;
        for (int i = 0; i < lines.getLength(); i++) {
            var line = (Element) lines.item(i);
            if ("cutoff".equals(line.getAttribute("class"))) {
                cutoff = line;
            }
        }
        assertThat(cutoff).isNotNull();
        var cutoffY = Double.parseDouble(cutoff.getAttribute("y1"));
        // 10 is below every score, so the line lies below every marker: 36 + (27 − 10) · 204 / 27 pixels down.
        assertThat(cutoffY).isGreaterThan(third).isCloseTo(36 + 17 * 204.0 / 27, within(0.1));
    }

    @Test
    void the_reliable_change_band_spans_the_first_score_plus_and_minus_the_reliable_change() throws Exception {
        var document = parse(phq9("PHQ-9").toSvg());
        var band = (Element) document.getElementsByTagName("rect").item(0);
        var height = Double.parseDouble(band.getAttribute("height"));
        // 12 points of a 27-point scale drawn over 204 pixels.
        assertThat(height).isCloseTo(12 * 204.0 / 27, within(0.2));
    }

    @Test
    void axis_ticks_fall_on_round_numbers() {
        assertThat(TrajectoryChart.niceStep(27 / 5.0)).isEqualTo(5);
        assertThat(TrajectoryChart.niceStep(21 / 5.0)).isEqualTo(5);
        assertThat(TrajectoryChart.niceStep(40 / 5.0)).isEqualTo(10);
        assertThat(TrajectoryChart.niceStep(180 / 5.0)).isEqualTo(50);
        assertThat(TrajectoryChart.niceStep(2 / 5.0)).isEqualTo(0.5);
    }

    @Test
    void the_same_chart_is_drawn_as_vector_graphics_in_a_pdf() throws Exception {
        var pdf = new ByteArrayOutputStream();
        try (var document = new PDDocument()) {
            var page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (var content = new PDPageContentStream(document, page)) {
                phq9("PHQ-9 (lower is better)").drawOnPdf(content, 40, 800, 500);
            }
            document.save(pdf);
        }
        try (var document = Loader.loadPDF(pdf.toByteArray())) {
            var page = document.getPage(0);
            assertThat(new PDFTextStripper().getText(document))
                    .contains("PHQ-9 (lower is better)", "Clinical cut-off 10", "No reliable change", "Session");
            assertThat(page.getResources().getXObjectNames()).as("no embedded picture of the chart").isEmpty();
            var operators = new String(page.getContents().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(operators).contains(" l\n", " c\n", " re\n");
        }
    }

    @Test
    void text_from_people_is_escaped_and_cannot_inject_markup() throws Exception {
        var svg = phq9("<script>alert('x')</script> & \"more\"").toSvg();
        assertThat(svg).doesNotContain("<script>");
        var document = parse(svg);
        assertThat(document.getElementsByTagName("script").getLength()).isZero();
        assertThat(document.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("<script>alert('x')</script> & \"more\"");
    }
}
