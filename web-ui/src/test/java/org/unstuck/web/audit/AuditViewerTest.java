package org.unstuck.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.persistence.audit.AuditEntry;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.caseload.CaseloadService;
import org.unstuck.web.common.InvalidEntryException;

/** The admin's audit trail: each filter narrows it, pages follow one another, and every look is itself audited. */
@UnstuckAppTest
class AuditViewerTest {

    @Autowired AuditViewer viewer;
    @Autowired CaseloadService caseload;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    private record Client(long caseId, String code) {
    }

    /** Reads a case of therapist1's as therapist1 and as their supervisor, then signs in as the admin. */
    private Client someReads() {
        var client = jdbc.sql("""
                SELECT c.id, cl.code FROM therapy_case c JOIN client cl ON cl.id = c.client_id
                JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = 'therapist1' ORDER BY c.id LIMIT 1""")
                .query((row, number) -> new Client(row.getLong(1), row.getString(2))).single();
        TestSignIn.as(users, "therapist1");
        caseload.casePage(client.caseId());
        TestSignIn.as(users, "supervisor1");
        caseload.casePage(client.caseId());
        TestSignIn.as(users, "admin");
        return client;
    }

    private static AuditViewer.Filter filter(String person, String client, String action, LocalDate from, LocalDate to) {
        return new AuditViewer.Filter(person, client, action, from, to);
    }

    @Test
    void each_filter_lists_only_the_entries_it_names() {
        var client = someReads();
        var today = viewer.today();

        var byPerson = viewer.firstPage(filter("therapist1", null, null, null, null), 200);
        assertThat(byPerson).isNotEmpty().allSatisfy(entry -> assertThat(entry.actor()).isEqualTo("therapist1"));
        assertThat(byPerson.getFirst().actorName()).isEqualTo("Alex Morgan");

        var byCase = viewer.firstPage(filter(null, client.code().toLowerCase(), null, null, null), 200);
        assertThat(byCase).isNotEmpty().allSatisfy(entry -> assertThat(entry.clientCode()).isEqualTo(client.code()));
        assertThat(byCase).extracting(AuditEntry::actor).contains("therapist1", "supervisor1");

        var byAction = viewer.firstPage(filter("supervisor1", null, "case.read", null, null), 200);
        assertThat(byAction).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("case.read");
            assertThat(entry.actor()).isEqualTo("supervisor1");
        });
        assertThat(viewer.actions()).contains("case.read", "audit.view");

        assertThat(viewer.count(filter("therapist1", null, null, today, today))).isPositive();
        assertThat(viewer.count(filter("therapist1", null, null, today.plusDays(1), null))).isZero();
        assertThat(viewer.count(filter("therapist1", null, null, null, today.minusYears(5)))).isZero();
        assertThat(viewer.count(filter("therapist1", client.code(), "case.read", null, null)))
                .isEqualTo(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = 'therapist1' AND case_id = :id AND action = 'case.read'")
                        .param("id", client.caseId()).query(Integer.class).single());
    }

    @Test
    void pages_follow_one_another_newest_first_without_gap_or_overlap() {
        for (var time = 0; time < 5; time++) {
            someReads();
        }
        var all = AuditViewer.Filter.none();
        var first = viewer.firstPage(all, 5);
        var second = viewer.page(all, 5, 5);
        var both = viewer.page(all, 0, 10);

        assertThat(first).hasSize(5);
        assertThat(second).hasSize(5);
        assertThat(both).extracting(AuditEntry::sequence)
                .containsExactlyElementsOf(Stream.concat(first.stream(), second.stream())
                        .map(AuditEntry::sequence).toList())
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void looking_at_the_trail_is_itself_audited_with_its_filter() {
        var client = someReads();
        viewer.firstPage(filter("therapist1", client.code(), null, null, null), 10);

        var latestLook = viewer.firstPage(filter("admin", null, "audit.view", null, null), 1);
        assertThat(latestLook).singleElement().satisfies(entry -> assertThat(entry.actor()).isEqualTo("admin"));
        assertThat(jdbc.sql("SELECT reason FROM audit_event WHERE sequence = :sequence")
                .param("sequence", latestLook.getFirst().sequence()).query(String.class).single())
                .isEqualTo("person admin, action audit.view");
        assertThat(jdbc.sql("""
                SELECT reason FROM audit_event WHERE actor = 'admin' AND action = 'audit.view'
                ORDER BY sequence DESC OFFSET 1 LIMIT 1""").query(String.class).single())
                .isEqualTo("person therapist1, client code " + client.code());
    }

    @Test
    void a_wrong_client_code_or_a_range_ending_before_it_starts_is_refused_naming_the_field() {
        TestSignIn.as(users, "admin");
        var today = viewer.today();
        assertThatThrownBy(() -> viewer.firstPage(filter(null, "no code!", null, null, null), 10))
                .isInstanceOfSatisfying(InvalidEntryException.class, refused -> assertThat(refused.fieldErrors())
                        .containsOnlyKeys("client"));
        assertThatThrownBy(() -> viewer.check(filter(null, null, null, today, today.minusDays(1))))
                .isInstanceOfSatisfying(InvalidEntryException.class, refused -> assertThat(refused.fieldErrors())
                        .containsOnlyKeys("to"));
    }

    @Test
    @WithUserDetails("supervisor1")
    void only_the_admin_sees_the_audit_trail() {
        assertThatThrownBy(() -> viewer.firstPage(AuditViewer.Filter.none(), 10)).isInstanceOf(AccessDeniedException.class);
        TestSignIn.as(users, "manager");
        assertThatThrownBy(() -> viewer.count(AuditViewer.Filter.none())).isInstanceOf(AccessDeniedException.class);
    }
}
