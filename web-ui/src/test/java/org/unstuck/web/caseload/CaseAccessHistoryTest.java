package org.unstuck.web.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.persistence.audit.AuditEntry;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.common.CaseNotFoundException;

/** A case's own access history: that case only, newest first, for those who may see the case, and audited. */
@UnstuckAppTest
class CaseAccessHistoryTest {

    @Autowired CaseAccessHistory history;
    @Autowired CaseloadService caseload;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    private long openCaseOf(String therapist) {
        return jdbc.sql("""
                SELECT c.id FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = :therapist AND c.closed_on IS NULL ORDER BY c.id DESC LIMIT 1""")
                .param("therapist", therapist).query(Long.class).single();
    }

    private int audited(String actor, long caseId, String outcome) {
        return jdbc.sql("""
                SELECT count(*) FROM audit_event
                WHERE actor = :actor AND case_id = :caseId AND action = 'case.access-history' AND outcome = :outcome""")
                .param("actor", actor).param("caseId", caseId).param("outcome", outcome).query(Integer.class).single();
    }

    @Test
    @WithUserDetails("therapist1")
    void the_therapist_and_their_supervisor_see_who_reached_that_case_only_newest_first() {
        var theCase = openCaseOf("therapist1");
        var other = openCaseOf("therapist2");
        caseload.casePage(theCase);
        TestSignIn.as(users, "supervisor1");
        caseload.casePage(theCase);
        caseload.casePage(other);

        assertThat(history.open(theCase)).isNotBlank();
        var entries = history.entries(theCase, 0, 100);

        assertThat(entries).isNotEmpty().allSatisfy(entry -> assertThat(entry.caseId()).isEqualTo(theCase));
        assertThat(entries).extracting(AuditEntry::sequence).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(entries.getFirst().action()).isEqualTo("case.access-history");
        assertThat(entries).extracting(entry -> entry.actor() + " " + entry.action())
                .contains("supervisor1 case.read", "therapist1 case.read");
        assertThat(history.count(theCase)).isEqualTo(entries.size());
        assertThat(audited("supervisor1", theCase, "ALLOWED")).isEqualTo(1);

        TestSignIn.as(users, "therapist1");
        history.open(theCase);
        assertThat(history.entries(theCase, 0, 1)).extracting(entry -> entry.actor() + " " + entry.action())
                .containsExactly("therapist1 case.access-history");
    }

    @Test
    @WithUserDetails("therapist4")
    void anyone_else_gets_not_found_and_the_attempt_is_audited() {
        var theirs = openCaseOf("therapist1");

        assertThatThrownBy(() -> history.open(theirs)).isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> history.entries(theirs, 0, 50)).isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> history.open(999_999_999L)).isInstanceOf(CaseNotFoundException.class);

        assertThat(audited("therapist4", theirs, "REFUSED")).isEqualTo(2);
        assertThat(audited("therapist4", theirs, "ALLOWED")).isZero();
    }

    @Test
    @WithUserDetails("admin")
    void the_admin_and_the_practice_manager_have_no_case_access_history() {
        var theCase = openCaseOf("therapist1");
        assertThatThrownBy(() -> history.open(theCase)).isInstanceOf(AccessDeniedException.class);
        TestSignIn.as(users, "manager");
        assertThatThrownBy(() -> history.entries(theCase, 0, 10)).isInstanceOf(AccessDeniedException.class);
    }
}
