package org.unstuck.web.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unstuck.web.DemoClients.onlyClientOf;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.persistence.board.CaseMatch;
import org.unstuck.web.DemoClients;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.common.InvalidEntryException;

/** The header's search by client code, as each role: only the cases one may see, and no hint of the others. */
@UnstuckAppTest
class CaseFinderTest {

    @Autowired CaseFinder finder;
    @Autowired CaseloadService caseload;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    private String therapistOf(long caseId) {
        return jdbc.sql("SELECT u.username FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id WHERE c.id = :id")
                .param("id", caseId).query(String.class).single();
    }

    private List<String> searchAudit(String actor, String subject) {
        return jdbc.sql("""
                SELECT outcome || ' ' || coalesce(case_id::TEXT, 'no case') FROM audit_event
                WHERE actor = :actor AND action = 'case.search' AND subject = :subject ORDER BY sequence""")
                .param("actor", actor).param("subject", subject).query(String.class).list();
    }

    @Test
    @WithUserDetails("therapist1")
    void a_therapist_finds_their_own_case_by_its_exact_code_or_its_start_in_any_case() {
        var mine = onlyClientOf(jdbc, "therapist1");

        var exact = finder.find(mine.code().toLowerCase(Locale.ROOT));
        assertThat(exact.cases()).extracting(CaseMatch::caseId).contains(mine.caseId());
        assertThat(exact.cases().getFirst().clientCode()).isEqualToIgnoringCase(mine.code());

        var start = finder.find(mine.code().substring(0, 3));
        assertThat(start.cases()).isNotEmpty().hasSizeLessThanOrEqualTo(CaseFinder.MOST)
                .allSatisfy(match -> {
                    assertThat(match.clientCode()).startsWithIgnoringCase(mine.code().substring(0, 3));
                    assertThat(therapistOf(match.caseId())).isEqualTo("therapist1");
                });
    }

    @Test
    @WithUserDetails("therapist1")
    void a_code_of_someone_elses_client_answers_as_a_code_that_does_not_exist_and_the_attempt_is_audited() {
        var theirs = onlyClientOf(jdbc, "therapist2");
        var missingBefore = searchAudit("therapist1", "client code ZZ-404").size();

        var hidden = finder.find(theirs.code());
        var missing = finder.find("ZZ-404");

        assertThat(hidden.cases()).isEmpty();
        assertThat(hidden).isEqualTo(new CaseFinder.Found(theirs.code(), List.of(), false));
        assertThat(missing).isEqualTo(new CaseFinder.Found("ZZ-404", List.of(), false));
        assertThat(searchAudit("therapist1", "client code " + theirs.code())).contains("REFUSED " + theirs.caseId());
        assertThat(searchAudit("therapist1", "client code ZZ-404")).hasSize(missingBefore + 1)
                .allSatisfy(entry -> assertThat(entry).isEqualTo("REFUSED no case"));
    }

    @Test
    @WithUserDetails("supervisor2")
    void a_supervisor_finds_their_supervisees_cases_but_not_other_teams() {
        var supervisees = onlyClientOf(jdbc, "therapist3");
        assertThat(finder.find(supervisees.code()).cases()).extracting(CaseMatch::caseId).contains(supervisees.caseId());
        assertThat(searchAudit("supervisor2", "client code " + supervisees.code())).last().isEqualTo("ALLOWED no case");

        var otherTeam = onlyClientOf(jdbc, "therapist1");
        assertThat(finder.find(otherTeam.code()).cases()).isEmpty();
    }

    @Test
    @WithUserDetails("therapist4")
    void a_case_opened_under_emergency_access_is_found_while_the_access_lasts() {
        var colleagues = jdbc.sql("""
                SELECT c.id, cl.code FROM therapy_case c JOIN client cl ON cl.id = c.client_id
                JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = 'therapist2' AND c.closed_on IS NULL
                  AND NOT EXISTS (SELECT 1 FROM therapy_case other WHERE other.client_id = c.client_id AND other.id <> c.id)
                ORDER BY c.id LIMIT 1""")
                .query((row, number) -> new DemoClients.Client(row.getLong(1), row.getString(2))).single();
        assertThat(finder.find(colleagues.code()).cases()).isEmpty();

        caseload.breakGlass(colleagues.code(), "Client phoned in crisis; their therapist is away today.");

        assertThat(finder.find(colleagues.code()).cases()).extracting(CaseMatch::caseId).containsExactly(colleagues.caseId());
    }

    @Test
    @WithUserDetails("therapist1")
    void an_underscore_is_a_character_of_the_code_not_a_wildcard() {
        var mine = onlyClientOf(jdbc, "therapist1");
        assertThat(mine.code()).startsWith("C-");
        assertThat(finder.find(mine.code().replace('-', '_')).cases()).isEmpty();
    }

    @Test
    @WithUserDetails("therapist1")
    void fewer_than_two_characters_or_characters_no_code_has_are_refused_naming_the_field() {
        assertThatThrownBy(() -> finder.find(" C "))
                .isInstanceOfSatisfying(InvalidEntryException.class, refused -> assertThat(refused.fieldErrors())
                        .containsEntry("client", "Type at least 2 characters of a client code."));
        assertThatThrownBy(() -> finder.find("C-%"))
                .isInstanceOfSatisfying(InvalidEntryException.class, refused -> assertThat(refused.fieldErrors())
                        .containsOnlyKeys("client"));
    }

    @Test
    @WithUserDetails("manager")
    void the_practice_manager_and_the_admin_cannot_search_cases() {
        var anyCode = onlyClientOf(jdbc, "therapist1").code();
        assertThatThrownBy(() -> finder.find(anyCode)).isInstanceOf(AccessDeniedException.class);
        TestSignIn.as(users, "admin");
        assertThatThrownBy(() -> finder.find(anyCode)).isInstanceOf(AccessDeniedException.class);
    }
}
