package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A screen a role does not open reads as not found and is audited as a refusal; the lists a therapist reads are audited. */
class RefusedScreensBrowserTest extends BrowserTest {

    @Autowired JdbcClient jdbc;

    private int audited(String actor, String action, String outcome, String subject) {
        return jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE actor = :actor AND action = :action AND outcome = :outcome
                  AND coalesce(subject, '') = :subject""")
                .param("actor", actor).param("action", action).param("outcome", outcome).param("subject", subject)
                .query(Integer.class).single();
    }

    private int caseloadReads() {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = 'therapist1' AND action = 'caseload.read'")
                .query(Integer.class).single();
    }

    @Test
    void the_manager_opening_a_case_and_a_therapist_opening_a_meeting_are_refused_audited_and_told_not_found() {
        var caseId = jdbc.sql("SELECT min(id) FROM therapy_case").query(Long.class).single();
        var meetingId = jdbc.sql("SELECT min(id) FROM review_meeting").query(Long.class).single();
        var managerBefore = audited("manager", "route.open", "REFUSED", "/cases/" + caseId);
        var therapistBefore = audited("therapist1", "route.open", "REFUSED", "/meetings/" + meetingId);

        signInAs("manager");
        browser().open("/cases/" + caseId);
        assertThat(browser().visible(By.id("not-found")).getText()).contains("There is nothing at this address");
        assertThat(audited("manager", "route.open", "REFUSED", "/cases/" + caseId)).isEqualTo(managerBefore + 1);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE actor = 'manager' AND action = 'route.open' AND case_id = :id""")
                .param("id", caseId).query(Integer.class).single()).isPositive();
        var noCaseBefore = audited("manager", "route.open", "REFUSED", "/cases/0");
        browser().open("/cases/0");
        assertThat(browser().visible(By.id("not-found")).getText()).contains("There is nothing at this address");
        assertThat(audited("manager", "route.open", "REFUSED", "/cases/0")).isEqualTo(noCaseBefore + 1);

        browser().driver().manage().deleteAllCookies();
        signInAs("therapist1");
        var caseloadReads = caseloadReads();
        browser().open("/meetings/" + meetingId);
        browser().visible(By.id("not-found"));
        assertThat(audited("therapist1", "route.open", "REFUSED", "/meetings/" + meetingId)).isEqualTo(therapistBefore + 1);

        browser().open("/caseload");
        browser().visible(By.id("caseload-grid"));
        browser().waitFor(driver -> caseloadReads() > caseloadReads);
    }

    @Test
    void an_address_that_names_no_case_or_meeting_is_refused_audited_and_told_not_found() {
        var caseBefore = audited("supervisor1", "case.read", "REFUSED", "address cases/abc");
        var meetingBefore = audited("supervisor1", "meeting.read", "REFUSED", "address meetings/12x");

        signInAs("supervisor1");
        browser().open("/cases/abc");
        browser().visible(By.id("not-found"));
        browser().open("/meetings/12x");
        browser().visible(By.id("not-found"));

        assertThat(audited("supervisor1", "case.read", "REFUSED", "address cases/abc")).isEqualTo(caseBefore + 1);
        assertThat(audited("supervisor1", "meeting.read", "REFUSED", "address meetings/12x")).isEqualTo(meetingBefore + 1);
    }
}
