package org.unstuck.web.review;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.Decisions;
import org.unstuck.web.common.ReportPeriod;

/**
 * Cases of therapist1's with their assessment history written as rows, and decisions on them, in
 * years long past that nothing else of the demo practice reaches: one year per test, so that every
 * figure is counted by hand.
 */
public final class FollowUpHistoryFixture {

    private final JdbcClient jdbc;
    private final Decisions decisions;

    public FollowUpHistoryFixture(JdbcClient jdbc, Decisions decisions) {
        this.jdbc = jdbc;
        this.decisions = decisions;
    }

    /**
     * A case of therapist1's, closed at the end of its year so that no board of today shows it, with its
     * assessment history written as rows: day, status, day, status…
     */
    public long fixtureCase(String approach, LocalDate opened, Object... dayAndStatus) {
        var client = jdbc.sql("INSERT INTO client (code) VALUES (:code) RETURNING id")
                .param("code", "FX-" + approach.replace(' ', '-') + "-" + FIXTURES.incrementAndGet()).query(Long.class).single();
        var caseId = jdbc.sql("""
                INSERT INTO therapy_case (client_id, presenting_problem, approach, primary_measure, opened_on, closed_on,
                    closing_reason, therapist_id)
                VALUES (:client, 'Low mood', :approach, 'PHQ-9', :opened, :closed, 'DISCHARGED',
                        (SELECT id FROM user_account WHERE username = 'therapist1')) RETURNING id""")
                .param("client", client).param("approach", approach).param("opened", opened)
                .param("closed", opened.withDayOfYear(1).plusYears(1).minusDays(1)).query(Long.class).single();
        for (int i = 0; i < dayAndStatus.length; i += 2) {
            jdbc.sql("""
                    INSERT INTO case_assessment (case_id, effective_on, recorded_at, status, cause, settings_version, rule_set_version)
                    VALUES (:id, :day, now(), :status, 'HISTORY', 0, 'test')""")
                    .param("id", caseId).param("day", dayAndStatus[i]).param("status", dayAndStatus[i + 1].toString()).update();
        }
        return caseId;
    }

    public void scored(long caseId, LocalDate day, int phq9) {
        var session = jdbc.sql("INSERT INTO therapy_session (case_id, session_date, attendance) VALUES (:id, :day, 'ATTENDED') RETURNING id")
                .param("id", caseId).param("day", day).query(Long.class).single();
        jdbc.sql("INSERT INTO session_score (session_id, measure_code, score) VALUES (:session, 'PHQ-9', :score)")
                .param("session", session).param("score", phq9).update();
    }

    public Decision decide(long caseId, DecisionDetails details, LocalDate decidedOn, LocalDate followUp) {
        var therapist = jdbc.sql("SELECT id FROM user_account WHERE username = 'therapist1'").query(Long.class).single();
        var supervisor = jdbc.sql("SELECT id FROM user_account WHERE username = 'supervisor1'").query(Long.class).single();
        return decisions.record(new Decision(null, new CaseId(caseId), null, details, "Review the plan at follow-up.",
                Set.of(StallReason.APPROACH_FIT), new UserId(therapist), followUp, new UserId(supervisor),
                decidedOn.atStartOfDay(ZoneOffset.UTC).toInstant(), decidedOn, CaseStatus.STALLED, 18.0, null));
    }

    private static final AtomicInteger FIXTURES = new AtomicInteger();

    /**
     * Decisions of March of a year long past, one year per test: no other data reaches back so far, so
     * every figure here is counted by hand.
     */
    public record March(ReportPeriod period, Decision onTrackOnlyAWeekLater) {
    }

    public March march(int year) {
        var approach = "Approach of " + year;
        var opened = LocalDate.of(year, 1, 15);
        var decided = LocalDate.of(year, 3, 1);
        var followUp = LocalDate.of(year, 3, 29);
        var frequency = new DecisionDetails.ChangeFrequency("Twice weekly");
        // Three less severe by the follow-up date, after 10, 14 and 20 days: median 14.
        for (var days : List.of(20, 10, 14)) {
            decide(fixtureCase(approach, opened, LocalDate.of(year, 2, 1), "STALLED", decided.plusDays(days), "ON_TRACK"),
                    frequency, decided, followUp);
        }
        // Two still stalled on the follow-up date, on track a week later.
        var later = fixtureCase(approach, opened, LocalDate.of(year, 2, 1), "STALLED", followUp.plusWeeks(1), "ON_TRACK");
        scored(later, LocalDate.of(year, 3, 20), 16);
        scored(later, LocalDate.of(year, 4, 2), 7);
        var onTrackOnlyAWeekLater = decide(later, frequency, decided, followUp);
        decide(fixtureCase(approach, opened, LocalDate.of(year, 2, 1), "STALLED", followUp.plusWeeks(1), "ON_TRACK"),
                frequency, decided, followUp);
        // A group of one.
        decide(fixtureCase(approach + " alone", opened, LocalDate.of(year, 2, 1), "STALLED"), new DecisionDetails.ContinuePlan(),
                decided, followUp);
        // Flagged without any decision: one still watch 28 days on, one less severe by then.
        fixtureCase(approach, opened, LocalDate.of(year, 3, 10), "WATCH");
        fixtureCase(approach, opened, LocalDate.of(year, 3, 20), "DETERIORATING", LocalDate.of(year, 4, 10), "WATCH");
        return new March(new ReportPeriod(LocalDate.of(year, 3, 1), LocalDate.of(year, 3, 31)), onTrackOnlyAWeekLater);
    }
}
