package org.unstuck.web.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ImportAppTest
class ImportCommandTest {

    @Autowired ImportCommand command;
    @Autowired JdbcClient jdbc;
    @TempDir Path folder;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private int run(Path file, String username) {
        return command.run(List.of(file.toString()), List.of(username), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_command_imports_as_the_named_admin_and_says_what_it_did() {
        var file = CsvFiles.write(folder, "cli.csv", List.of(CsvFiles.session("CLI-1", "CLI-C", "CLI-R", LocalDate.now().toString(), 7)));

        assertThat(run(file, "admin")).isZero();

        assertThat(output()).startsWith("Imported cli.csv: 1 rows; sessions 1 added, 0 updated, 0 already up to date; "
                + "cases 1 created, 0 updated; 1 new clients.");
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE action = 'import.file' AND subject = 'cli.csv'")
                .query(String.class).single()).isEqualTo("admin");
    }

    @Test
    void a_refused_file_exits_with_one_and_lists_its_errors() {
        var file = CsvFiles.write(folder, "bad.csv", List.of(CsvFiles.session("CLI-2", "CLI-C", "CLI-R2", "2026-02-30", 7)));

        assertThat(run(file, "manager")).isEqualTo(1);

        assertThat(output()).startsWith("Nothing was imported from bad.csv: 1 problem." + System.lineSeparator()
                + "  Line 2, column session_date: expected a date as YYYY-MM-DD");
    }

    @Test
    void a_therapist_or_an_unknown_user_or_a_missing_file_exits_with_two() {
        var file = CsvFiles.write(folder, "any.csv", List.of());

        assertThat(run(file, "therapist1")).isEqualTo(2);
        assertThat(run(file, "nobody")).isEqualTo(2);
        assertThat(run(folder.resolve("missing.csv"), "admin")).isEqualTo(2);

        assertThat(output()).contains("Only an admin or a practice manager imports; 'therapist1' is neither.",
                "No user signs in as 'nobody'", "No readable file at ");
    }
}
