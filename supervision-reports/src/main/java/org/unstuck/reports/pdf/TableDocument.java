package org.unstuck.reports.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A landscape A4 document of a title, a few lines of introduction and a table that continues over
 * as many pages as it needs, its header repeated on each; every page carries its number and a
 * confidentiality footer. Text the standard PDF fonts cannot show is replaced by "?".
 */
public final class TableDocument {

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 40;
    private static final float ROW_HEIGHT = 16;

    private final String title;
    private final List<String> introduction;
    private final List<String> header;
    private final float[] columnWidths;
    private final List<List<String>> rows = new ArrayList<>();
    private final String footer;

    /**
     * @param columnWidths the share of the page width each column takes; they add up to 1
     */
    public TableDocument(String title, List<String> introduction, List<String> header, float[] columnWidths, String footer) {
        if (header.size() != columnWidths.length) {
            throw new IllegalArgumentException("One width per column");
        }
        this.title = title;
        this.introduction = List.copyOf(introduction);
        this.header = List.copyOf(header);
        this.columnWidths = columnWidths.clone();
        this.footer = footer;
    }

    public TableDocument row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("A row has " + header.size() + " cells; got " + cells.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    public byte[] toPdf() {
        try (var document = new PDDocument()) {
            var regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            var width = PAGE.getWidth() - 2 * MARGIN;
            var next = 0;
            var first = true;
            while (first || next < rows.size()) {
                var page = new PDPage(PAGE);
                document.addPage(page);
                try (var content = new PDPageContentStream(document, page)) {
                    var y = PAGE.getHeight() - MARGIN;
                    if (first) {
                        text(content, bold, 16, MARGIN, y, title);
                        y -= 24;
                        for (var line : introduction) {
                            text(content, regular, 10, MARGIN, y, line);
                            y -= 14;
                        }
                        y -= 8;
                        first = false;
                    }
                    y = line(content, bold, y, header, width);
                    while (next < rows.size() && y > MARGIN + 30) {
                        y = line(content, regular, y, rows.get(next++), width);
                    }
                }
            }
            var pages = document.getNumberOfPages();
            for (int number = 1; number <= pages; number++) {
                var page = document.getPage(number - 1);
                try (var content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
                    text(content, regular, 8, MARGIN, MARGIN - 20, footer);
                    var pageLabel = "Page " + number + " of " + pages;
                    text(content, regular, 8, PAGE.getWidth() - MARGIN - regular.getStringWidth(pageLabel) / 1000 * 8,
                            MARGIN - 20, pageLabel);
                }
            }
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the PDF", e);
        }
    }

    private float line(PDPageContentStream content, PDType1Font font, float y, List<String> cells, float width)
            throws IOException {
        var x = MARGIN;
        for (int column = 0; column < cells.size(); column++) {
            var columnWidth = width * columnWidths[column];
            text(content, font, 9, x, y, fit(font, 9, cells.get(column), columnWidth - 6));
            x += columnWidth;
        }
        return y - ROW_HEIGHT;
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(PdfText.printable(font, text));
        content.endText();
    }

    /** Shortens text to the column, ending it with "..." where it was cut. */
    private static String fit(PDType1Font font, float size, String text, float width) throws IOException {
        var safe = PdfText.printable(font, text);
        if (font.getStringWidth(safe) / 1000 * size <= width) {
            return safe;
        }
        var cut = safe;
        while (!cut.isEmpty() && font.getStringWidth(cut + "...") / 1000 * size > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "...";
    }
}
