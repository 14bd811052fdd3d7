package org.unstuck.reports.csv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A table written as CSV: UTF-8 with a byte-order mark so spreadsheets detect the encoding, a
 * header row, CRLF line ends and RFC 4180 quoting. Dates and times are written in ISO 8601. A
 * cell that a spreadsheet would run as a formula is written as text.
 */
public final class CsvTable {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public CsvTable(List<String> header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("A CSV table needs at least one column");
        }
        this.header = List.copyOf(header);
    }

    /** Adds a row with one cell per column; an absent value is an empty cell. */
    public CsvTable row(List<? extends @Nullable Object> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException(
                    "A row has " + header.size() + " cells, one per column; got " + cells.size());
        }
        rows.add(cells.stream().map(CsvTable::text).toList());
        return this;
    }

    public int rowCount() {
        return rows.size();
    }

    public void writeTo(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        writeLine(writer, header);
        for (var row : rows) {
            writeLine(writer, row);
        }
        writer.flush();
    }

    public byte[] toBytes() {
        try {
            var out = new ByteArrayOutputStream();
            writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the CSV", e);
        }
    }

    private static void writeLine(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(quoted(cells.get(i)));
        }
        writer.write("\r\n");
    }

    private static String text(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        var text = value instanceof TemporalAccessor ? value.toString() : Objects.toString(value);
        boolean looksLikeFormula = !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0
                && !(value instanceof Number);
        return looksLikeFormula ? "'" + text : text;
    }

    private static String quoted(String cell) {
        boolean needsQuotes = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0
                || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
        return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
