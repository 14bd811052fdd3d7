package org.unstuck.reports.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    private static String written(CsvTable table) throws IOException {
        var out = new ByteArrayOutputStream();
        table.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parsed(String csv) throws IOException {
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(csv.substring(1)))) {
            return parser.getRecords();
        }
    }

    @Test
    void starts_with_a_byte_order_mark_and_ends_lines_with_crlf() throws IOException {
        var csv = written(new CsvTable(List.of("a", "b")).row(List.of(1, 2)));
        assertThat(csv).isEqualTo("\uFEFFa,b\r\n1,2\r\n");
    }

    @Test
    void commas_quotes_and_line_breaks_survive_a_round_trip() throws IOException {
        var awkward = "He said \"no\", then\nleft";
        var csv = written(new CsvTable(List.of("therapist", "note")).row(List.of("Sam Okafor, MSc", awkward)));

        var records = parsed(csv);
        assertThat(records).hasSize(2);
        assertThat(records.get(1).toList()).containsExactly("Sam Okafor, MSc", awkward);
    }

    @Test
    void dates_are_iso_8601_and_absent_values_are_empty_cells() throws IOException {
        var csv = written(new CsvTable(List.of("follow-up", "owner")).row(Arrays.asList(LocalDate.of(2026, 3, 9), null)));
        assertThat(parsed(csv).get(1).toList()).containsExactly("2026-03-09", "");
    }

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_is_kept_as_text() throws IOException {
        var csv = written(new CsvTable(List.of("topic", "change")).row(List.of("=HYPERLINK(\"x\")", -3)));
        assertThat(parsed(csv).get(1).toList()).containsExactly("'=HYPERLINK(\"x\")", "-3");
    }

    @Test
    void a_row_with_the_wrong_number_of_cells_is_refused() {
        var table = new CsvTable(List.of("a", "b"));
        assertThatThrownBy(() -> table.row(List.of("only one")))
                .hasMessage("A row has 2 cells, one per column; got 1");
        assertThat(table.rowCount()).isZero();
    }
}
