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
import org.unstuck.reports.ReportTexts;
import org.unstuck.reports.chart.TrajectoryChart;

/**
 * An A4 document written top to bottom: titles, headings, wrapped paragraphs, bullet lists,
 * charts as vector graphics and tables whose header repeats on every page they run onto. A new page
 * starts whenever the next block does not fit; every page carries its number and a
 * confidentiality footer. Text the standard PDF fonts cannot show is replaced by "?".
 */
public final class PdfFlow {

    private static final float MARGIN = 40;
    private static final float BOTTOM = MARGIN + 24;
    private static final float ROW_HEIGHT = 16;
    private static final float BODY = 10;

    private final PDDocument document = new PDDocument();
    private final PDRectangle pageSize;
    private final String footer;
    private final ReportTexts texts;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream content;
    private float y;

    private PdfFlow(PDRectangle pageSize, String footer, ReportTexts texts) {
        this.pageSize = pageSize;
        this.footer = footer;
        this.texts = texts;
        newPage();
    }

    public static PdfFlow portrait(String footer, ReportTexts texts) {
        return new PdfFlow(PDRectangle.A4, footer, texts);
    }

    public static PdfFlow landscape(String footer, ReportTexts texts) {
        return new PdfFlow(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()), footer, texts);
    }

    /** The width text and tables may take. */
    public float width() {
        return pageSize.getWidth() - 2 * MARGIN;
    }

    public PdfFlow newPage() {
        try {
            if (content != null) {
                content.close();
            }
            var page = new PDPage(pageSize);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = pageSize.getHeight() - MARGIN;
            return this;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    public PdfFlow title(String text) {
        room(40);
        write(bold, 16, MARGIN, y - 12, text);
        y -= 28;
        return this;
    }

    /** A heading kept on the same page as at least the next few lines. */
    public PdfFlow heading(String text) {
        room(80);
        y -= 6;
        write(bold, 12, MARGIN, y - 10, text);
        y -= 20;
        return this;
    }

    public PdfFlow paragraph(String text) {
        return lines(regular, text, MARGIN, width());
    }

    public PdfFlow boldParagraph(String text) {
        return lines(bold, text, MARGIN, width());
    }

    public PdfFlow paragraphs(List<String> texts) {
        texts.forEach(this::paragraph);
        y -= 4;
        return this;
    }

    public PdfFlow bullets(List<String> items) {
        for (var item : items) {
            room(BODY + 4);
            write(regular, BODY, MARGIN + 4, y - BODY, "-");
            lines(regular, item, MARGIN + 16, width() - 16);
        }
        y -= 4;
        return this;
    }

    /** A chart the full width of the text, kept whole on one page. */
    public PdfFlow chart(TrajectoryChart chart) {
        var height = (float) TrajectoryChart.heightFor(width());
        room(height + 8);
        chart.drawOnPdf(content, MARGIN, y, width());
        y -= height + 8;
        return this;
    }

    /**
     * Starts a table; its rows are added through the answer.
     *
     * @param columnWidths the share of the width each column takes; they add up to 1
     */
    public Table table(List<String> header, float[] columnWidths) {
        if (header.size() != columnWidths.length) {
            throw new IllegalArgumentException("One width per column");
        }
        return new Table(List.copyOf(header), columnWidths.clone());
    }

    /** A table being written; cells too long for their column are cut with "...". */
    public final class Table {

        private final List<String> header;
        private final float[] columnWidths;

        private Table(List<String> header, float[] columnWidths) {
            this.header = header;
            this.columnWidths = columnWidths;
            room(2 * ROW_HEIGHT);
            cells(bold, header);
        }

        public Table row(List<String> cells) {
            if (cells.size() != header.size()) {
                throw new IllegalArgumentException("A row has " + header.size() + " cells; got " + cells.size());
            }
            if (y - ROW_HEIGHT < BOTTOM) {
                newPage();
                cells(bold, header);
            }
            cells(regular, cells);
            return this;
        }

        private void cells(PDType1Font font, List<String> cells) {
            var x = MARGIN;
            for (int column = 0; column < cells.size(); column++) {
                var columnWidth = width() * columnWidths[column];
                write(font, 9, x, y - 11, fit(font, 9, cells.get(column), columnWidth - 6));
                x += columnWidth;
            }
            y -= ROW_HEIGHT;
        }
    }

    public byte[] toPdf() {
        try (document) {
            content.close();
            var pages = document.getNumberOfPages();
            for (int number = 1; number <= pages; number++) {
                var page = document.getPage(number - 1);
                try (var footerContent = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
                    content = footerContent;
                    write(regular, 8, MARGIN, MARGIN - 20, footer);
                    var pageLabel = texts.get("pdf.page", number, pages);
                    write(regular, 8, pageSize.getWidth() - MARGIN - textWidth(regular, 8, pageLabel), MARGIN - 20, pageLabel);
                }
            }
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private PdfFlow lines(PDType1Font font, String text, float left, float lineWidth) {
        for (var line : wrap(font, BODY, text, lineWidth)) {
            room(BODY + 4);
            write(font, BODY, left, y - BODY, line);
            y -= BODY + 4;
        }
        return this;
    }

    /** Starts a new page unless this much height is left above the footer. */
    private void room(float height) {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    private void write(PDType1Font font, float size, float x, float baseline, String text) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, baseline);
            content.showText(PdfText.printable(font, text));
            content.endText();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private static float textWidth(PDType1Font font, float size, String text) {
        try {
            return font.getStringWidth(PdfText.printable(font, text)) / 1000 * size;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** The text in lines no wider than the width, broken between words, or inside a word longer than a line. */
    static List<String> wrap(PDType1Font font, float size, String text, float width) {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (var word : PdfText.printable(font, text).trim().split(" +")) {
            var candidate = line.isEmpty() ? word : line + " " + word;
            if (textWidth(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            var rest = word;
            while (textWidth(font, size, rest) > width) {
                var cut = rest.length() - 1;
                while (cut > 1 && textWidth(font, size, rest.substring(0, cut)) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Shortens text to the width, ending it with "..." where it was cut. */
    private static String fit(PDType1Font font, float size, String text, float width) {
        var safe = PdfText.printable(font, text);
        if (textWidth(font, size, safe) <= width) {
            return safe;
        }
        var cut = safe;
        while (!cut.isEmpty() && textWidth(font, size, cut + "...") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "...";
    }

    private static UncheckedIOException failed(IOException e) {
        return new UncheckedIOException("Could not write the PDF", e);
    }
}
