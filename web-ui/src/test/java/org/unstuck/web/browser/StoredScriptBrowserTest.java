package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.caseload.ClientCode;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.notes.NotePrompt;
import org.unstuck.domain.notes.ReflectiveNote;
import org.unstuck.domain.notes.ReflectiveNotes;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.Username;

/**
 * Script stored in free text — a case's presenting problem and approach, a reflective note's
 * answers — is shown as the text it is to the therapist and to the supervisor, and never runs.
 */
class StoredScriptBrowserTest extends BrowserTest {

    private static final String IMAGE = "<img src=x onerror=\"window.__stored=1\">";
    private static final String SCRIPT = "<script>window.__stored=2</script>";

    @Autowired Cases cases;
    @Autowired ReflectiveNotes notes;
    @Autowired UserAccounts accounts;

    @Test
    void script_in_every_free_text_field_of_a_case_reads_as_text_and_never_runs() {
        var therapist = accounts.findByUsername(new Username("therapist1")).orElseThrow().id();
        var stored = cases.save(new TherapyCase(null, 0, new ClientCode("XS-" + System.nanoTime() % 1_000_000),
                "Low mood " + IMAGE, new Approach("CBT " + SCRIPT), MeasureCatalogue.PHQ_9, MeasureCatalogue.SRS,
                LocalDate.now().minusWeeks(3), null, therapist, List.of()));
        var caseId = Objects.requireNonNull(stored.id());
        var answers = new EnumMap<NotePrompt, String>(NotePrompt.class);
        for (var prompt : NotePrompt.values()) {
            answers.put(prompt, prompt.ordinal() % 2 == 0 ? IMAGE : SCRIPT);
        }
        notes.save(ReflectiveNote.write(caseId, therapist, answers, false, Instant.now()));

        for (var reader : List.of("therapist1", "supervisor1")) {
            signInAs(reader);
            browser().open("/cases/" + caseId.value());
            var page = browser().visible(By.id("case-view"));
            browser().waitFor(driver -> page.getText().contains(IMAGE));
            assertThat(page.getText()).as("%s reads the stored text as text", reader).contains("Low mood " + IMAGE, "CBT " + SCRIPT);
            assertThat(((JavascriptExecutor) browser().driver()).executeScript("return window.__stored === undefined"))
                    .as("no stored script ran for %s", reader).isEqualTo(true);
            assertThat(browser().all(By.cssSelector("#case-view img[src='x'], #case-view script"))).isEmpty();
            signOut();
        }
    }
}
