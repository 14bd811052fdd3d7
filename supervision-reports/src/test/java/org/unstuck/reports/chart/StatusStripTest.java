package org.unstuck.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
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

class StatusStripTest {

    private static final LocalDate OPENED = LocalDate.of(2026, 1, 5);

    /** On track for 40 days, stalled for 20, on track again for the last 40 of 100 days. */
    private static StatusStrip strip() {
        return new StatusStrip("Status over time", "Status of the case from 5 Jan to 15 Apr", List.of(
                new StatusStrip.Segment(OPENED, "ON_TRACK", "On track", "5 Jan"),
                new StatusStrip.Segment(OPENED.plusDays(40), "STALLED", "Stalled", "14 Feb"),
                new StatusStrip.Segment(OPENED.plusDays(60), "ON_TRACK", "On track", "6 Mar")), OPENED.plusDays(100));
    }

    private static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> rects(Document document) {
        var found = new ArrayList<Element>();
        var all = document.getElementsByTagName("rect");
        for (var i = 0; i < all.getLength(); i++) {
            found.add((Element) all.item(i));
        }
        return found;
    }

    @Test
    void each_status_in_force_is_a_stretch_as_long_as_it_lasted_with_its_first_day_under_it() throws Exception {
        var document = parse(strip().toSvg());
        var stretches = rects(document);
        assertThat(stretches).extracting(rect -> rect.getAttribute("class"))
                .containsExactly("status-on-track", "status-stalled", "status-on-track");
        // 656 pixels for 100 days: the stalled stretch of 20 days is a fifth of the width.
        assertThat(Double.parseDouble(stretches.get(1).getAttribute("width"))).isCloseTo(656 * 0.2, within(0.2));
        assertThat(Double.parseDouble(stretches.get(1).getAttribute("x"))).isCloseTo(48 + 656 * 0.4, within(0.2));
        assertThat(document.getDocumentElement().getTextContent()).contains("5 Jan", "14 Feb", "6 Mar", "Stalled");
    }

    @Test
    void the_same_strip_is_drawn_as_vector_graphics_in_a_pdf() throws Exception {
        var pdf = new ByteArrayOutputStream();
        try (var document = new PDDocument()) {
            var page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (var content = new PDPageContentStream(document, page)) {
                strip().drawOnPdf(content, 40, 800, 500);
            }
            document.save(pdf);
        }
        try (var document = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Status over time", "14 Feb", "Stalled");
            assertThat(new String(document.getPage(0).getContents().readAllBytes(), StandardCharsets.ISO_8859_1))
                    .contains(" re\n");
        }
    }

    @Test
    void a_strip_needs_a_status_to_show() {
        assertThatThrownBy(() -> new StatusStrip("Status", "none", List.of(), OPENED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
