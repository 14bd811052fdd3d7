package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unstuck.web.importing.ImportAppTest;

/** The admin imports the example export, whose cases then reach a supervisor's board, and a broken one, which changes nothing. */
@ImportAppTest
class ImportBrowserTest extends BrowserTest {

    @Autowired JdbcClient jdbc;
    @TempDir Path folder;

    private void upload(Path file) {
        browser().open("/import");
        var upload = browser().visible(By.id("import-upload"));
        fileInput(upload).sendKeys(file.toAbsolutePath().normalize().toString());
    }

    private static WebElement fileInput(WebElement upload) {
        try {
            return upload.findElement(By.cssSelector("input[type=file]"));
        } catch (NoSuchElementException inShadow) {
            return upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        }
    }

    private int sessions() {
        return jdbc.sql("SELECT count(*) FROM therapy_session").query(Integer.class).single();
    }

    @Test
    void the_admin_imports_the_example_file_and_its_cases_reach_the_supervisors_board() {
        signInAs("admin");
        browser().click(By.cssSelector("#main-nav vaadin-side-nav-item[path='import']"));
        browser().visible(By.id("import-view"));
        browser().click(By.id("import-format"));
        browser().waitFor(driver -> driver.findElement(By.id("import-format")).getText().contains("session_id"));
        browser().screenshot("import-admin-start");
        upload(Path.of("../docs/examples/sessions-import.csv"));

        var summary = browser().visible(By.id("import-summary"));
        assertThat(summary.getText()).contains("42 lines read", "Cases: ");
        assertThat(browser().visible(By.id("import-outcome")).getText()).contains("sessions-import.csv was imported");
        browser().screenshot("import-admin-done");
        assertThat(jdbc.sql("SELECT count(*) FROM therapy_case WHERE external_ref LIKE 'EHR-C-10%'").query(Integer.class)
                .single()).isEqualTo(6);
        forgetSession();

        signInAs("supervisor1");
        browser().open("/review");
        browser().type(By.cssSelector("#therapist-filter input"), "Jordan Reyes");
        browser().click(By.xpath("//vaadin-combo-box-item[contains(., 'Jordan Reyes')]"));
        var board = browser().visible(By.id("board-grid"));
        browser().waitFor(driver -> !board.getText().contains("Alex Morgan") && board.getText().contains("EX-103"));
        browser().screenshot("import-board-supervisor1");
    }

    @Test
    void a_file_with_errors_is_refused_whole_with_every_error_listed() throws Exception {
        var file = folder.resolve("broken-export.csv");
        Files.writeString(file, """
                session_id,client_code,case_ref,therapist,approach,presenting_problem,primary_measure,session_date,attendance,primary_score,alliance_measure,alliance_score,homework
                B-1,BX-1,B-CASE-1,therapist1,CBT,Low mood,PHQ-9,2026-01-12,attended,19,SRS,35,yes
                B-2,BX-1,B-CASE-1,therapist1,CBT,Low mood,PHQ-9,2026-01-19,attended,31,SRS,35,yes
                B-3,BX-1,B-CASE-1,therapist9,CBT,Low mood,PHQ-9,19/01/2026,attended,12,SRS,36,yes
                """, StandardCharsets.UTF_8);
        var before = sessions();
        signInAs("manager");
        upload(file);

        browser().visible(By.id("import-refused"));
        var errors = browser().visible(By.id("import-errors"));
        browser().waitFor(driver -> errors.getText().contains("PHQ-9 scores are 0–27 in whole points; got 31"));
        assertThat(errors.getText()).contains("no therapist of this practice signs in as 'therapist9'",
                "expected a date as YYYY-MM-DD");
        assertThat(browser().visible(By.id("import-outcome")).getText())
                .contains("Nothing was imported from broken-export.csv", "The file has 3 problems.");
        browser().screenshot("import-manager-refused");
        assertThat(sessions()).isEqualTo(before);
    }
}
