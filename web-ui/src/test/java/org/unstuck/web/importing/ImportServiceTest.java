package org.unstuck.web.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

@ImportAppTest
@WithUserDetails("admin")
class ImportServiceTest {

    private static final AtomicInteger FILES = new AtomicInteger();

    @Autowired ImportService imports;
    @Autowired JdbcClient jdbc;
    @TempDir Path folder;

    private final String today = LocalDate.now().toString();
    private final String lastWeek = LocalDate.now().minusWeeks(1).toString();

    /** A prefix no other test uses, so each test's cases and sessions are its own. */
    private static String unique() {
        return "T" + FILES.incrementAndGet() + "-";
    }

    private ImportResult importLines(List<String> lines) {
        var name = "import-" + FILES.incrementAndGet() + ".csv";
        return imports.importFile(CsvFiles.write(folder, name, lines), name, ImportProgress.NONE);
    }

    private ImportResult importWithItems(List<String> lines) {
        var name = "import-" + FILES.incrementAndGet() + ".csv";
        return imports.importFile(CsvFiles.write(folder, name, CsvFiles.HEADER_WITH_ITEMS, lines), name, ImportProgress.NONE);
    }

    private ImportResult importBytes(byte[] content) {
        var name = "import-" + FILES.incrementAndGet() + ".csv";
        return imports.importFile(CsvFiles.write(folder, name, content), name, ImportProgress.NONE);
    }

    /** The file is refused with these errors among those listed, and the practice's tables are as they were. */
    private void refused(List<String> lines, String... errors) {
        var before = PracticeTables.of(jdbc);
        var result = importLines(lines);
        assertThat(result).isInstanceOf(ImportResult.Refused.class);
        assertThat(((ImportResult.Refused) result).errors()).map(ImportError::toString).contains(errors);
        assertThat(PracticeTables.of(jdbc)).isEqualTo(before);
    }

    /** A file with the primary_items column is refused with these errors among those listed, changing nothing. */
    private void refusedWithItems(List<String> lines, String... errors) {
        var before = PracticeTables.of(jdbc);
        var result = importWithItems(lines);
        assertThat(result).isInstanceOf(ImportResult.Refused.class);
        assertThat(((ImportResult.Refused) result).errors()).map(ImportError::toString).contains(errors);
        assertThat(PracticeTables.of(jdbc)).isEqualTo(before);
    }

    /** A one-session file with one value written wrongly is refused with these errors. */
    private void refusedWhenWritten(String right, String wrong, String... errors) {
        var p = unique();
        refused(List.of(CsvFiles.session(p + "1", p + "C", p + "R", today, 9).replace(right, wrong)), errors);
    }

    private void refusedBytes(byte[] content, String error) {
        var before = PracticeTables.of(jdbc);
        var result = importBytes(content);
        assertThat(result).isInstanceOf(ImportResult.Refused.class);
        assertThat(((ImportResult.Refused) result).errors()).map(ImportError::toString).containsExactly(error);
        assertThat(PracticeTables.of(jdbc)).isEqualTo(before);
    }

    private static ImportResult.Imported imported(ImportResult result) {
        assertThat(result).as("%s", result).isInstanceOf(ImportResult.Imported.class);
        return (ImportResult.Imported) result;
    }

    @Test
    void an_import_stopped_by_an_error_of_the_system_is_in_the_audit_trail_with_the_kind_of_error() {
        var name = "gone-" + FILES.incrementAndGet() + ".csv";

        assertThatThrownBy(() -> imports.importFile(folder.resolve(name), name, ImportProgress.NONE))
                .isInstanceOf(UncheckedIOException.class);

        assertThat(jdbc.sql("SELECT outcome || ' ' || reason FROM audit_event WHERE action = 'import.file' AND subject = :name")
                .param("name", name).query(String.class).list())
                .containsExactly("REFUSED stopped by an unexpected error (NoSuchFileException)");
    }

    @Test
    void the_example_file_imports_and_importing_it_again_changes_nothing() {
        var example = Path.of("../docs/examples/sessions-import.csv");
        imported(imports.importFile(example, "sessions-import.csv", ImportProgress.NONE));
        var before = PracticeTables.of(jdbc);

        var again = imported(imports.importFile(example, "sessions-import.csv", ImportProgress.NONE));

        assertThat(again.rows()).isEqualTo(42);
        assertThat(again.sessionsUnchanged()).isEqualTo(42);
        assertThat(again.sessionsAdded() + again.sessionsUpdated() + again.casesCreated() + again.casesUpdated()).isZero();
        assertThat(PracticeTables.of(jdbc)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM therapy_case WHERE external_ref LIKE 'EHR-C-10%'").query(Integer.class)
                .single()).isEqualTo(6);
    }

    @Test
    void a_new_file_creates_its_clients_cases_sessions_and_scores() {
        var p = unique();
        var result = imported(importLines(List.of(
                CsvFiles.session(p + "1", p + "C1", p + "R1", lastWeek, 18),
                CsvFiles.session(p + "2", p + "C1", p + "R1", today, 15),
                String.join(",", p + "3", p + "C2", p + "R2", "therapist2", "EMDR", "\"Trauma, flashbacks\"", "GAD-7", today,
                        "no_show", "", "", "", ""))));

        assertThat(result).isEqualTo(new ImportResult.Imported(result.fileName(), 3, 2, 2, 0, 3, 0, 0, 0));
        assertThat(jdbc.sql("""
                SELECT string_agg(s.external_id || ' ' || s.attendance || ' ' || coalesce(sc.measure_code || '=' || sc.score, '-'),
                    ', ' ORDER BY s.external_id, sc.measure_code)
                FROM therapy_session s JOIN therapy_case c ON c.id = s.case_id
                LEFT JOIN session_score sc ON sc.session_id = s.id WHERE c.external_ref LIKE :p""")
                .param("p", p + "%").query(String.class).single())
                .isEqualTo(p + "1 ATTENDED PHQ-9=18.00, " + p + "1 ATTENDED SRS=36.50, " + p + "2 ATTENDED PHQ-9=15.00, "
                        + p + "2 ATTENDED SRS=36.50, " + p + "3 NO_SHOW -");
        assertThat(jdbc.sql("SELECT opened_on FROM therapy_case WHERE external_ref = :r").param("r", p + "R1")
                .query(LocalDate.class).single()).isEqualTo(lastWeek);
    }

    @Test
    void a_new_case_whose_first_session_is_older_than_the_practice_allows_is_refused_naming_the_line_and_column() {
        var p = unique();
        var now = LocalDate.parse(today);
        refused(List.of(CsvFiles.session(p + "1", p + "C", p + "R", today, 15),
                        CsvFiles.session(p + "2", p + "C", p + "R", "1990-01-01", 18)),
                "Line 3, column session_date: case '" + p + "R' would open on 1990-01-01, its first session; the practice "
                        + "opens cases between " + now.minusMonths(24) + " and today, " + now);
    }

    @Test
    void a_changed_row_updates_its_session_and_case_by_their_external_ids() {
        var p = unique();
        imported(importLines(List.of(CsvFiles.session(p + "1", p + "C", p + "R", lastWeek, 18),
                CsvFiles.session(p + "2", p + "C", p + "R", today, 15))));

        var result = imported(importLines(List.of(
                CsvFiles.session(p + "1", p + "C", p + "R", lastWeek, 18).replace(",CBT,", ",Behavioural activation,"),
                String.join(",", p + "2", p + "C", p + "R", "therapist1", "Behavioural activation", "Low mood", "PHQ-9", today,
                        "cancelled", "", "SRS", "", ""))));

        assertThat(result.sessionsUpdated()).isEqualTo(1);
        assertThat(result.sessionsUnchanged()).isEqualTo(1);
        assertThat(result.casesUpdated()).isEqualTo(1);
        assertThat(result.casesCreated()).isZero();
        assertThat(jdbc.sql("SELECT approach FROM therapy_case WHERE external_ref = :r").param("r", p + "R")
                .query(String.class).single()).isEqualTo("Behavioural activation");
        assertThat(jdbc.sql("""
                SELECT s.attendance || ' ' || count(sc.score) FROM therapy_session s
                LEFT JOIN session_score sc ON sc.session_id = s.id WHERE s.external_id = :id GROUP BY s.attendance""")
                .param("id", p + "2").query(String.class).single()).isEqualTo("CANCELLED 0");
    }

    @Test
    void the_progress_of_every_case_the_file_changes_is_reassessed() {
        var p = unique();
        var worse = new ArrayList<String>();
        var scores = new int[] {12, 15, 17, 19, 21, 23};
        for (var i = 0; i < scores.length; i++) {
            worse.add(CsvFiles.session(p + i, p + "C", p + "R", LocalDate.now().minusWeeks(5 - i).toString(), scores[i]));
        }
        imported(importLines(worse));
        assertThat(status(p + "R")).isEqualTo("DETERIORATING");

        var better = new ArrayList<String>();
        var improving = new int[] {20, 17, 14, 11, 8, 5};
        for (var i = 0; i < improving.length; i++) {
            better.add(CsvFiles.session(p + i, p + "C", p + "R", LocalDate.now().minusWeeks(5 - i).toString(), improving[i]));
        }
        assertThat(imported(importLines(better)).sessionsUpdated()).isEqualTo(6);
        assertThat(status(p + "R")).isEqualTo("ON_TRACK");
    }

    @Test
    void progress_is_told_phase_by_phase_up_to_the_whole_file() {
        var p = unique();
        var lines = new ArrayList<String>();
        for (var i = 0; i < 2_500; i++) {
            lines.add(CsvFiles.session(p + i, p + "C" + i / 10, p + "R" + i / 10, LocalDate.now().minusDays(7 + i % 10).toString(), i % 28));
        }
        var file = CsvFiles.write(folder, "progress.csv", lines);
        var reports = new ArrayList<String>();

        imported(imports.importFile(file, "progress.csv", (phase, done, total) -> reports.add(phase + " " + done + "/" + total)));

        assertThat(reports).containsSubsequence("CHECKING " + file.toFile().length() + "/" + file.toFile().length(),
                "WRITING 1000/2500", "WRITING 2000/2500", "WRITING 2500/2500", "REASSESSING 100/250", "REASSESSING 250/250");
        assertThat(reports.getLast()).isEqualTo("REASSESSING 250/250");
    }

    private String status(String caseRef) {
        return jdbc.sql("SELECT p.status FROM case_progress_snapshot p JOIN therapy_case c ON c.id = p.case_id "
                + "WHERE c.external_ref = :r").param("r", caseRef).query(String.class).single();
    }

    @Test
    void an_import_is_audited_with_who_which_file_and_how_much_but_no_clinical_values() throws Exception {
        var p = unique();
        var lines = List.of(CsvFiles.session(p + "1", p + "C", p + "R", today, 23));
        var file = CsvFiles.write(folder, "audit.csv", lines);
        imported(imports.importFile(file, "audit.csv", ImportProgress.NONE));

        var sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        var audit = jdbc.sql("""
                SELECT actor || ' ' || action || ' ' || outcome || ' ' || subject || ' ' || reason FROM audit_event
                WHERE action = 'import.file' ORDER BY sequence DESC LIMIT 1""").query(String.class).single();
        assertThat(audit).isEqualTo("admin import.file ALLOWED audit.csv " + Files.size(file) + " bytes, SHA-256 " + sha256
                + ", 1 rows, 1 clients and 1 cases created, 0 cases updated; sessions 1 added, 0 updated, 0 unchanged");
        // The file's hash may contain any digits; the rest of the entry names no score.
        assertThat(audit.replace(sha256, "")).doesNotContain("23", "Low mood", p);
        var caseEntry = jdbc.sql("""
                SELECT e.action || ' ' || e.subject FROM audit_event e JOIN therapy_case c ON c.id = e.case_id
                WHERE c.external_ref = :r""").param("r", p + "R").query(String.class).list();
        assertThat(caseEntry).as("the case's own audit history shows the import").containsExactly("import.case from audit.csv");
    }

    @Test
    @WithUserDetails("manager")
    void a_practice_manager_imports() {
        var p = unique();
        assertThat(imported(importLines(List.of(CsvFiles.session(p + "1", p + "C", p + "R", today, 9)))).sessionsAdded())
                .isEqualTo(1);
    }

    @Test
    @WithUserDetails("therapist1")
    void a_therapist_may_not_import() {
        assertThatThrownBy(() -> importLines(List.of())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_supervisor_may_not_import() {
        assertThatThrownBy(() -> importLines(List.of())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_unknown_therapist_is_refused() {
        refusedWhenWritten("therapist1", "therapist9", "Line 2, column therapist: no therapist of this practice signs in as 'therapist9'; expected the Unstuck "
                        + "username of the case's therapist, such as therapist1");
    }

    @Test
    void a_therapist_whose_licence_has_expired_is_not_given_a_new_case() {
        var p = unique();
        var before = PracticeTables.of(jdbc);
        var result = importLines(List.of(CsvFiles.session(p + "1", p + "C", p + "R", today, 9).replace("therapist1", "therapist4")));
        assertThat(((ImportResult.Refused) result).errors()).singleElement().asString()
                .startsWith("Line 2, column therapist: 'therapist4' cannot be given new cases (licence ")
                .endsWith("case '" + p + "R' is new. Renew the credential, or give the case to another therapist");
        assertThat(PracticeTables.of(jdbc)).isEqualTo(before);
    }

    @Test
    void an_unknown_measure_is_refused() {
        refusedWhenWritten("PHQ-9", "BDI-II", "Line 2, column primary_measure: expected an outcome measure of the practice's catalogue: PHQ-9, GAD-7, "
                        + "CORE-10, OQ-45, ORS; got 'BDI-II'");
    }

    @Test
    void a_score_out_of_its_measure_range_is_refused_with_the_range() {
        var p = unique();
        refused(List.of(CsvFiles.session(p + "1", p + "C", p + "R", today, 9), CsvFiles.session(p + "2", p + "C", p + "R", today, 31)),
                "Line 3, column primary_score: PHQ-9 scores are 0–27 in whole points; got 31");
        refusedWhenWritten("36.5", "36.55", "Line 2, column alliance_score: SRS scores are 0–40 with at most one decimal; got 36.55");
    }

    @Test
    void a_date_that_is_not_a_day_is_refused() {
        var p = unique();
        refused(List.of(CsvFiles.session(p + "1", p + "C", p + "R", "14/03/2026", 9),
                CsvFiles.session(p + "2", p + "C", p + "R", "2026-02-30", 9)),
                "Line 2, column session_date: expected a date as YYYY-MM-DD, such as 2026-03-14; got '14/03/2026'",
                "Line 3, column session_date: expected a date as YYYY-MM-DD, such as 2026-03-14; got '2026-02-30'");
    }

    @Test
    void a_session_in_the_future_is_refused() {
        var p = unique();
        var future = LocalDate.now().plusDays(3);
        refused(List.of(CsvFiles.session(p + "1", p + "C", p + "R", future.toString(), 9)),
                "Line 2, column session_date: " + future + " is in the future; today is " + LocalDate.now()
                        + ", and only sessions that took place are imported");
    }

    @Test
    void the_same_session_twice_in_a_file_is_refused() {
        var p = unique();
        refused(List.of(CsvFiles.session(p + "1", p + "C", p + "R", lastWeek, 9), CsvFiles.session(p + "1", p + "C", p + "R", today, 8)),
                "Line 3, column session_id: session '" + p + "1' is also on line 2; each session is on one line only");
    }

    @Test
    void the_same_session_twice_is_found_even_when_its_lines_are_wrong_otherwise() {
        var p = unique();
        refused(List.of(CsvFiles.session(p + "1", p + "C", p + "R", lastWeek, 31), CsvFiles.session(p + "1", p + "C", p + "R", "never", 8)),
                "Line 2, column primary_score: PHQ-9 scores are 0–27 in whole points; got 31",
                "Line 3, column session_id: session '" + p + "1' is also on line 2; each session is on one line only",
                "Line 3, column session_date: expected a date as YYYY-MM-DD, such as 2026-03-14; got 'never'");
    }

    @Test
    void a_missing_column_is_refused_before_any_row() {
        var before = PracticeTables.of(jdbc);
        var result = importBytes(("session_id,client_code,case_ref,therapist,approach,presenting_problem,session_date,"
                + "attendance,primary_score\r\nS,C1,R,therapist1,CBT,Low mood,2026-01-05,attended,9\r\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(((ImportResult.Refused) result).errors()).map(ImportError::toString).containsExactly(
                "Line 1, column primary_measure: missing from the header; every file has the columns session_id, "
                        + "client_code, case_ref, therapist, approach, presenting_problem, primary_measure, session_date, "
                        + "attendance, primary_score (primary_items, alliance_measure, alliance_score and homework may be left out)");
        assertThat(PracticeTables.of(jdbc)).isEqualTo(before);
    }

    @Test
    void a_row_with_a_value_too_few_is_refused() {
        refusedWhenWritten(",yes", "", "Line 2: 12 values where the header has 13 columns; check the commas and quotes of this line");
    }

    @Test
    void a_quote_never_closed_is_refused_without_reading_the_rest_of_the_file_into_one_value() {
        var p = unique();
        var rows = new StringBuilder(CsvFiles.HEADER + "\r\n" + CsvFiles.session(p + "1", p + "C", p + "R", today, 9)
                .replace("Low mood", "\"Low mood") + "\r\n");
        for (int i = 2; i < 400; i++) {
            rows.append(CsvFiles.session(p + i, p + "C", p + "R", today, 9)).append("\r\n");
        }
        var result = importBytes(rows.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(((ImportResult.Refused) result).errors()).map(ImportError::toString).singleElement()
                .asString().startsWith("Line 2: a value longer than 10000 characters");
    }

    @Test
    void a_last_line_without_a_line_break_is_read_like_any_other() {
        var p = unique();
        var content = (CsvFiles.HEADER + "\r\n" + CsvFiles.session(p + "1", p + "C", p + "R", lastWeek, 12) + "\r\n"
                + CsvFiles.session(p + "2", p + "C", p + "R", today, 11)).getBytes(StandardCharsets.UTF_8);
        assertThat(imported(importBytes(content)).sessionsAdded()).isEqualTo(2L);
    }

    @Test
    void a_control_character_in_a_value_is_refused_naming_its_line_and_place() {
        var p = unique();
        for (var control : new String[] {"\u0000", "\uFEFF", "\u0085", "\u001B"}) {
            var line = CsvFiles.session(p + "1", p + "C", p + "R", today, 9);
            var content = (CsvFiles.HEADER + "\r\n" + line.substring(0, 3) + control + line.substring(3) + "\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            refusedBytes(content, "Line 2: a control character U+%04X at character 4 of the line; values are printable "
                    .formatted((int) control.charAt(0)) + "text (tabs allowed): remove it and import the file again");
        }
    }

    @Test
    void two_sessions_of_a_case_on_one_day_are_refused() {
        var p = unique();
        refused(List.of(CsvFiles.session(p + "1", p + "C", p + "R", today, 9), CsvFiles.session(p + "2", p + "C", p + "R", today, 8)),
                "Line 3, column session_date: case '" + p + "R' already has a session on " + today
                        + " on line 2; a case has one session a day");
    }

    @Test
    void a_file_that_is_not_utf_8_is_refused() {
        var p = unique();
        var latin1 = (CsvFiles.HEADER + "\r\n" + CsvFiles.session(p + "1", p + "C", p + "R", today, 9) + "\r\n"
                + CsvFiles.session(p + "2", p + "C", p + "R", today, 9).replace("Low mood", "Humeur dépressive") + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        refusedBytes(latin1, "Line 3: the file is not UTF-8 text (the bytes at this line are not UTF-8); save it as "
                + "\"CSV UTF-8\" and import it again");
    }

    @Test
    void a_file_separated_by_semicolons_is_refused() {
        var p = unique();
        refusedBytes((CsvFiles.HEADER + "\r\n" + CsvFiles.session(p + "1", p + "C", p + "R", today, 9) + "\r\n")
                .replace(',', ';').getBytes(StandardCharsets.UTF_8),
                "Line 1: the columns are separated by semicolons; Unstuck reads comma-separated files. Save the export as "
                        + "\"CSV UTF-8 (comma delimited)\" and import it again");
        refusedBytes((CsvFiles.HEADER + "\n").replace(',', '\t').getBytes(StandardCharsets.UTF_8),
                "Line 1: the columns are separated by tabs; Unstuck reads comma-separated files. Save the export as "
                        + "\"CSV UTF-8 (comma delimited)\" and import it again");
    }

    @Test
    void a_score_on_a_session_that_did_not_take_place_is_refused() {
        refusedWhenWritten("attended", "no_show", "Line 2, column primary_score: only an attended session has scores; this one is no_show, so leave the "
                        + "score empty; got '9'",
                "Line 2, column homework: homework is recorded for attended sessions only; this one is no_show, so leave "
                        + "homework empty");
    }

    @Test
    void unknown_attendance_and_homework_values_are_refused() {
        var p = unique();
        refused(List.of(CsvFiles.session(p + "1", p + "C", p + "R", today, 9).replace("attended", "came"),
                CsvFiles.session(p + "2", p + "C", p + "R", today, 9).replace(",yes", ",done")),
                "Line 2, column attendance: expected attended, cancelled or no_show; got 'came'",
                "Line 3, column homework: expected yes, partly, no or empty; got 'done'");
    }

    @Test
    void rows_of_one_case_that_disagree_on_the_case_are_refused() {
        var p = unique();
        refused(List.of(CsvFiles.session(p + "1", p + "C", p + "R", lastWeek, 9),
                CsvFiles.session(p + "2", p + "C", p + "R", today, 9).replace("therapist1", "therapist2").replace("PHQ-9", "GAD-7")),
                "Line 3, column therapist: case '" + p + "R' has another therapist on line 2; every row of a case gives "
                        + "the same therapist",
                "Line 3, column primary_measure: case '" + p + "R' has another primary_measure on line 2; every row of a "
                        + "case gives the same primary_measure");
    }

    @Test
    void a_stored_case_cannot_change_its_client_and_a_session_cannot_move_to_another_case() {
        var p = unique();
        imported(importLines(List.of(CsvFiles.session(p + "1", p + "C", p + "R", today, 9))));
        refused(List.of(CsvFiles.session(p + "2", p + "D", p + "R", today, 9), CsvFiles.session(p + "1", p + "C", p + "S", today, 9)),
                "Line 2, column client_code: case '" + p + "R' is in Unstuck with another client_code; an import cannot "
                        + "change a case's client_code",
                "Line 3, column case_ref: session '" + p + "1' belongs to another case in Unstuck; an import cannot move "
                        + "a session to another case");
    }

    @Test
    void every_error_is_listed_up_to_two_hundred_and_the_rest_are_counted() {
        var p = unique();
        var lines = new ArrayList<String>();
        for (var i = 0; i < 250; i++) {
            lines.add(CsvFiles.session(p + i, p + "C", p + "R", today, 40));
        }
        var before = PracticeTables.of(jdbc);
        var refused = (ImportResult.Refused) importLines(lines);
        assertThat(refused.errorCount()).isEqualTo(250);
        assertThat(refused.errors()).hasSize(ImportService.MAX_ERRORS);
        assertThat(refused.errors().getFirst().line()).isEqualTo(2);
        assertThat(refused.errors().getLast().line()).isEqualTo(201);
        assertThat(PracticeTables.of(jdbc)).isEqualTo(before);
    }

    @Test
    void items_that_endorse_the_critical_item_are_stored_raise_a_risk_alert_and_make_the_case_risk_at_once() {
        var p = unique();
        var lines = List.of(CsvFiles.session(p + "1", p + "C", p + "R", lastWeek, "PHQ-9", "attended", "12", "2 2 1 2 1 1 2 1 0"),
                CsvFiles.session(p + "2", p + "C", p + "R", today, "PHQ-9", "attended", "", "2 2 1 2 1 1 2 1 2"));

        var result = imported(importWithItems(lines));

        assertThat(result.riskAlertsRaised()).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT string_agg(s.external_id || ' ' || sc.score || ' ' || sc.items::text, ', ' ORDER BY s.external_id)
                FROM therapy_session s JOIN therapy_case c ON c.id = s.case_id JOIN session_score sc ON sc.session_id = s.id
                WHERE c.external_ref = :r""").param("r", p + "R").query(String.class).single())
                .isEqualTo(p + "1 12.00 {2,2,1,2,1,1,2,1,0}, " + p + "2 14.00 {2,2,1,2,1,1,2,1,2}");
        assertThat(status(p + "R")).isEqualTo("RISK");
        assertThat(jdbc.sql("""
                SELECT s.external_id || ' ' || a.measure_code || ' item ' || a.item || ' = ' || a.score FROM risk_alert a
                JOIN therapy_session s ON s.id = a.session_id JOIN therapy_case c ON c.id = a.case_id WHERE c.external_ref = :r""")
                .param("r", p + "R").query(String.class).list()).containsExactly(p + "2 PHQ-9 item 9 = 2");
        assertThat(jdbc.sql("""
                SELECT u.username FROM notification n JOIN user_account u ON u.id = n.recipient_id
                WHERE n.kind = 'RISK_ALERT' AND n.arguments[1] = :client""").param("client", p + "C").query(String.class).list())
                .as("the therapist is told; the importing admin is not").contains("therapist1").doesNotContain("admin");
    }

    @Test
    void importing_a_file_with_items_again_changes_nothing_and_raises_no_second_alert() {
        var p = unique();
        var lines = List.of(CsvFiles.session(p + "1", p + "C", p + "R", lastWeek, "PHQ-9", "attended", "14", "2 2 1 2 1 1 2 1 2"),
                CsvFiles.session(p + "2", p + "C", p + "R", today, "PHQ-9", "attended", "", "1 1 1 1 1 1 1 1 2"));
        assertThat(imported(importWithItems(lines)).riskAlertsRaised()).isEqualTo(2);
        var before = PracticeTables.of(jdbc);

        var again = imported(importWithItems(lines));

        assertThat(again.sessionsUnchanged()).isEqualTo(2);
        assertThat(again.sessionsAdded() + again.sessionsUpdated() + again.riskAlertsRaised()).isZero();
        assertThat(PracticeTables.of(jdbc)).isEqualTo(before);
    }

    @Test
    void an_import_that_changes_only_the_items_updates_the_session() {
        var p = unique();
        imported(importWithItems(List.of(
                CsvFiles.session(p + "1", p + "C", p + "R", today, "GAD-7", "attended", "", "1 1 1 1 1 1 1"))));

        var changed = imported(importWithItems(List.of(
                CsvFiles.session(p + "1", p + "C", p + "R", today, "GAD-7", "attended", "7", "3 0 1 1 1 1 0"))));

        assertThat(changed.sessionsUpdated()).isEqualTo(1);
        assertThat(changed.riskAlertsRaised()).as("GAD-7 has no critical item").isZero();
        assertThat(jdbc.sql("""
                SELECT sc.score || ' ' || sc.items::text FROM session_score sc JOIN therapy_session s ON s.id = sc.session_id
                WHERE s.external_id = :id""").param("id", p + "1").query(String.class).single()).isEqualTo("7.00 {3,0,1,1,1,1,0}");
    }

    @Test
    void items_that_do_not_add_up_to_the_total_are_refused_naming_the_measure_the_sum_and_the_total() {
        var p = unique();
        refusedWithItems(List.of(CsvFiles.session(p + "1", p + "C", p + "R", today, "PHQ-9", "attended", "15", "2 2 1 2 1 1 2 1 2")),
                "Line 2, column primary_items: the PHQ-9 items add up to 14 but primary_score is 15; correct the one that "
                        + "is wrong, or leave primary_score empty to take the items' sum");
    }

    @Test
    void items_that_do_not_fit_the_measure_or_the_session_are_refused_line_by_line() {
        var p = unique();
        refusedWithItems(List.of(
                        CsvFiles.session(p + "1", p + "C1", p + "R1", today, "PHQ-9", "attended", "", "2 2 1 2 1 1 2 1"),
                        CsvFiles.session(p + "2", p + "C2", p + "R2", today, "CORE-10", "attended", "", "0 1 2 5 0 0 0 0 0 0"),
                        CsvFiles.session(p + "3", p + "C3", p + "R3", today, "ORS", "attended", "30", "8 8 7 7"),
                        CsvFiles.session(p + "4", p + "C4", p + "R4", today, "PHQ-9", "no_show", "", "0 0 0 0 0 0 0 0 0"),
                        CsvFiles.session(p + "5", p + "C5", p + "R5", today, "GAD-7", "attended", "", "\"1,1,1,1,1,1,1\"")),
                "Line 2, column primary_items: PHQ-9 has 9 items scored 0–3 each; got 8 values",
                "Line 3, column primary_items: CORE-10 has 10 items scored 0–4 each; item 4 is 5",
                "Line 4, column primary_items: ORS has no items in Unstuck; give its total in primary_score and leave "
                        + "primary_items empty; got '8 8 7 7'",
                "Line 5, column primary_items: only an attended session has scores; this one is no_show, so leave the "
                        + "items empty; got '0 0 0 0 0 0 0 0 0'",
                "Line 6, column primary_items: GAD-7 has 7 items scored 0–3 each, written as whole numbers separated by "
                        + "spaces; got '1,1,1,1,1,1,1'");
    }

    @Test
    void an_attended_session_without_its_score_or_its_items_is_refused() {
        var p = unique();
        refusedWithItems(List.of(CsvFiles.session(p + "1", p + "C", p + "R", today, "PHQ-9", "attended", "", "")),
                "Line 2, column primary_score: an attended session needs its PHQ-9 score (0–27 in whole points) or its items "
                        + "in primary_items; the value is empty");
    }
}
