package org.unstuck.web.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.DecisionType;
import org.unstuck.persistence.board.BoardFilter;
import org.unstuck.persistence.board.BoardRow;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckAppTest;

/** The review board over the demo practice, its reason counts checked against a count made by hand from the stored signals. */
@UnstuckAppTest
class ReviewBoardServiceTest {

    private static final int WHOLE_BOARD = 1000;
    /** The demo practice's people with caseloads; other tests add people of their own. */
    private static final List<String> DEMO_CASELOADS = List.of("therapist1", "therapist2", "therapist3", "therapist4",
            "supervisor1", "supervisor2");

    @Autowired ReviewBoardService board;
    @Autowired DecisionService decisions;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    private record TeamCase(long id, String therapist, CaseStatus status, StallReason topReason) {
    }

    /** The supervisor's supervisees' open cases, read from the tables without the board's statements. */
    private List<TeamCase> teamCases(String supervisor) {
        return jdbc.sql("""
                SELECT c.id, t.username, p.status, p.top_reason FROM therapy_case c
                JOIN user_account t ON t.id = c.therapist_id
                JOIN case_progress_snapshot p ON p.case_id = c.id
                WHERE c.closed_on IS NULL AND c.therapist_id IN (
                    SELECT pair.therapist_id FROM supervision_pair pair JOIN user_account s ON s.id = pair.supervisor_id
                    WHERE s.username = :supervisor)""")
                .param("supervisor", supervisor)
                .query((row, number) -> new TeamCase(row.getLong(1), row.getString(2), CaseStatus.valueOf(row.getString(3)),
                        row.getString(4) == null ? null : StallReason.valueOf(row.getString(4))))
                .list();
    }

    /** Every reason each case's latest assessment carries a signal of. */
    private Map<Long, Set<StallReason>> storedSignals() {
        var signals = new HashMap<Long, Set<StallReason>>();
        jdbc.sql("SELECT case_id, reason FROM case_progress_signal")
                .query((row, number) -> signals.computeIfAbsent(row.getLong(1), id -> new HashSet<>())
                        .add(StallReason.valueOf(row.getString(2))))
                .list();
        return signals;
    }

    /** The hand count: how many of the cases kept carry at least one signal of each reason. */
    private Map<StallReason, Integer> handCount(String supervisor, Predicate<TeamCase> kept) {
        var signals = storedSignals();
        var counts = new EnumMap<StallReason, Integer>(StallReason.class);
        teamCases(supervisor).stream().filter(kept)
                .flatMap(teamCase -> signals.getOrDefault(teamCase.id(), Set.of()).stream())
                .forEach(reason -> counts.merge(reason, 1, Integer::sum));
        return counts;
    }

    private Set<Long> handPicked(String supervisor, Predicate<TeamCase> kept, Set<StallReason> carrying) {
        var signals = storedSignals();
        return teamCases(supervisor).stream().filter(kept)
                .filter(teamCase -> signals.getOrDefault(teamCase.id(), Set.of()).stream().anyMatch(carrying::contains))
                .map(TeamCase::id).collect(Collectors.toSet());
    }

    private long userId(String username) {
        return jdbc.sql("SELECT id FROM user_account WHERE username = :username").param("username", username)
                .query(Long.class).single();
    }

    private Set<Long> boardCases(BoardFilter filter) {
        return board.page(filter, 0, WHOLE_BOARD).stream().map(row -> row.theCase().caseId()).collect(Collectors.toSet());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @WithUserDetails("supervisor1")
    void the_reason_counts_match_a_hand_count_of_the_stored_signals_with_and_without_filters() {
        var everything = board.casesPerReason(BoardFilter.everything());
        assertThat(everything).isEqualTo(handCount("supervisor1", teamCase -> true)).isNotEmpty();

        var topReasons = teamCases("supervisor1").stream().filter(teamCase -> teamCase.topReason() != null)
                .collect(Collectors.groupingBy(TeamCase::topReason, Collectors.counting()));
        assertThat(everything).as("a reason counts every case carrying it, not only the cases it leads")
                .anySatisfy((reason, count) -> assertThat(count).isGreaterThan(topReasons.getOrDefault(reason, 0L).intValue()));

        var alexs = new BoardFilter(userId("therapist1"), null, null);
        assertThat(board.casesPerReason(alexs)).isEqualTo(handCount("supervisor1", teamCase -> teamCase.therapist().equals("therapist1")))
                .isNotEqualTo(everything);
        var stalled = new BoardFilter(null, null, CaseStatus.STALLED);
        assertThat(board.casesPerReason(stalled)).isEqualTo(handCount("supervisor1", teamCase -> teamCase.status() == CaseStatus.STALLED));
    }

    @Test
    @WithUserDetails("supervisor2")
    void the_counts_of_the_other_supervisor_match_their_own_team() {
        assertThat(board.casesPerReason(BoardFilter.everything())).isEqualTo(handCount("supervisor2", teamCase -> true));
    }

    @Test
    @WithUserDetails("supervisor1")
    void chosen_reasons_show_the_cases_carrying_any_of_them_combined_with_the_other_filters() {
        var counts = board.casesPerReason(BoardFilter.everything());
        var common = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        var rare = counts.entrySet().stream().filter(entry -> entry.getKey() != common)
                .min(Map.Entry.comparingByValue()).orElseThrow().getKey();

        var one = new BoardFilter(null, null, null, Set.of(rare));
        assertThat(boardCases(one)).isEqualTo(handPicked("supervisor1", teamCase -> true, Set.of(rare))).hasSize(counts.get(rare));
        assertThat(board.size(one)).isEqualTo(counts.get(rare));
        assertThat(board.page(one, 0, WHOLE_BOARD)).allSatisfy(row -> assertThat(row.reasons()).contains(rare));

        var either = new BoardFilter(null, null, null, Set.of(rare, common));
        assertThat(boardCases(either)).isEqualTo(handPicked("supervisor1", teamCase -> true, Set.of(rare, common)));

        var alexsWithCommon = new BoardFilter(userId("therapist1"), null, null, Set.of(common));
        assertThat(boardCases(alexsWithCommon))
                .isEqualTo(handPicked("supervisor1", teamCase -> teamCase.therapist().equals("therapist1"), Set.of(common)))
                .isNotEmpty();
        assertThat(board.casesPerReason(alexsWithCommon)).as("the counts follow the therapist, not the chosen reasons")
                .isEqualTo(board.casesPerReason(new BoardFilter(userId("therapist1"), null, null)));
    }

    @Test
    @WithUserDetails("supervisor1")
    void each_row_shows_the_cases_latest_decision_and_a_new_decision_takes_its_place() {
        var latest = new HashMap<Long, String>();
        jdbc.sql("""
                SELECT DISTINCT ON (case_id) case_id, decision_type, decided_on FROM decision
                ORDER BY case_id, decided_at DESC, id DESC""")
                .query((row, number) -> latest.put(row.getLong(1), row.getString(2) + " " + row.getString(3)))
                .list();
        var rows = board.page(BoardFilter.everything(), 0, WHOLE_BOARD);
        assertThat(rows).filteredOn(row -> row.lastDecision() != null).isNotEmpty();
        assertThat(rows).allSatisfy(row -> assertThat(row.lastDecision() == null ? null
                : row.lastDecision().details().type().name() + " " + row.lastDecision().decidedOn())
                .isEqualTo(latest.get(row.theCase().caseId())));

        var caseId = rows.getLast().theCase().caseId();
        decisions.record(caseId, new DecisionEntry(DecisionType.CHANGE_FREQUENCY, null, null, "Fortnightly",
                "The client asked for more time between sessions.", Set.of(StallReason.CLIENT_ENGAGEMENT),
                LocalDate.now().plusWeeks(4)));
        var row = board.page(BoardFilter.everything(), 0, WHOLE_BOARD).stream()
                .filter(each -> each.theCase().caseId() == caseId).findFirst().orElseThrow();
        assertThat(row.lastDecision()).isEqualTo(new BoardRow.LastDecision(new DecisionDetails.ChangeFrequency("Fortnightly"),
                LocalDate.now(), null));
    }

    @Test
    void the_demos_reticence_cases_are_each_on_a_supervisors_board() {
        var reticent = jdbc.sql("""
                SELECT DISTINCT s.case_id FROM case_progress_signal s JOIN therapy_case c ON c.id = s.case_id
                JOIN user_account t ON t.id = c.therapist_id
                WHERE s.reason = 'THERAPIST_RETICENCE' AND c.closed_on IS NULL AND t.username IN (:demo)""")
                .param("demo", DEMO_CASELOADS).query(Long.class).set();
        assertThat(reticent).isNotEmpty();
        var onBoards = new HashSet<Long>();
        for (var supervisor : List.of("supervisor1", "supervisor2")) {
            TestSignIn.as(users, supervisor);
            onBoards.addAll(boardCases(new BoardFilter(null, null, null, Set.of(StallReason.THERAPIST_RETICENCE))));
        }
        assertThat(onBoards).containsAll(reticent);
    }

    @Test
    @WithUserDetails("therapist1")
    void a_therapist_has_no_board() {
        assertThatThrownBy(() -> board.casesPerReason(BoardFilter.everything())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> board.page(BoardFilter.everything(), 0, 10)).isInstanceOf(AccessDeniedException.class);
    }
}
