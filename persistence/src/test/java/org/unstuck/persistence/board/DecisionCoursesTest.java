package org.unstuck.persistence.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.caseload.Sessions;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.DecisionOutcome;
import org.unstuck.domain.review.Decisions;
import org.unstuck.domain.review.WhatWorks;
import org.unstuck.persistence.PostgresTest;
import org.unstuck.persistence.PracticeFixture;

/** Histories written as rows, in years no other test of this database touches, so every figure is counted by hand. */
@PostgresTest
class DecisionCoursesTest {

    @Autowired DecisionCourses courses;
    @Autowired Decisions decisions;
    @Autowired Sessions sessions;
    @Autowired PracticeFixture practice;
    @Autowired JdbcClient jdbc;

    private CaseId caseWith(UserId therapist, LocalDate opened, Object... dayAndStatus) {
        var caseId = practice.openCase(therapist, opened);
        for (int i = 0; i < dayAndStatus.length; i += 2) {
            jdbc.sql("""
                    INSERT INTO case_assessment (case_id, effective_on, recorded_at, status, cause, settings_version, rule_set_version)
                    VALUES (:id, :day, now(), :status, 'HISTORY', 0, 'test')""")
                    .param("id", caseId.value()).param("day", dayAndStatus[i]).param("status", dayAndStatus[i + 1].toString())
                    .update();
        }
        return caseId;
    }

    @Test
    void the_base_rate_takes_each_case_flagged_in_the_period_on_its_first_flagged_day_and_looks_28_days_on() {
        var therapist = practice.user("tess", Role.THERAPIST);
        var opened = LocalDate.of(2003, 1, 1);
        // Flagged before the period and still on its first day: index 1 March, on track on 29 March → improved.
        caseWith(therapist, opened, LocalDate.of(2003, 2, 1), "STALLED", LocalDate.of(2003, 3, 10), "ON_TRACK");
        // Index 15 March, still watch on 12 April → not improved.
        caseWith(therapist, opened, LocalDate.of(2003, 3, 5), "ON_TRACK", LocalDate.of(2003, 3, 15), "WATCH",
                LocalDate.of(2003, 5, 1), "ON_TRACK");
        // Index 20 March deteriorating, stalled on 17 April → less severe, improved.
        caseWith(therapist, opened, LocalDate.of(2003, 3, 20), "DETERIORATING", LocalDate.of(2003, 4, 1), "STALLED");
        // Index 31 March, stalled still on 28 April → not improved; counted only once 28 April has come.
        caseWith(therapist, opened, LocalDate.of(2003, 3, 31), "STALLED");
        // Not flagged on any day of the period: out.
        caseWith(therapist, opened, LocalDate.of(2003, 1, 1), "WATCH", LocalDate.of(2003, 2, 15), "ON_TRACK");
        caseWith(therapist, opened, LocalDate.of(2003, 4, 2), "STALLED");
        // A watch replaced the same day: never in force, out.
        caseWith(therapist, opened, LocalDate.of(2003, 3, 12), "WATCH", LocalDate.of(2003, 3, 12), "ON_TRACK");

        var from = LocalDate.of(2003, 3, 1);
        var to = LocalDate.of(2003, 3, 31);
        assertThat(courses.baseRate(from, to, LocalDate.of(2003, 6, 30))).isEqualTo(new WhatWorks.Share(4, 2));
        assertThat(courses.baseRate(from, to, LocalDate.of(2003, 4, 20))).isEqualTo(new WhatWorks.Share(3, 2));
    }

    @Test
    void a_decision_is_judged_on_its_follow_up_date_and_its_current_status_dated_from_the_start_of_its_run() {
        var supervisor = practice.user("sue", Role.SUPERVISOR);
        var therapist = practice.user("tom", Role.THERAPIST);
        var opened = LocalDate.of(2004, 2, 1);
        var decidedOn = LocalDate.of(2004, 3, 3);
        var followUp = LocalDate.of(2004, 3, 31);
        var stalledAtFollowUp = caseWith(therapist, opened, LocalDate.of(2004, 3, 1), "STALLED",
                LocalDate.of(2004, 4, 7), "ON_TRACK");
        for (var session : List.of(List.of(LocalDate.of(2004, 3, 1), 18), List.of(LocalDate.of(2004, 3, 24), 15),
                List.of(LocalDate.of(2004, 4, 5), 8))) {
            sessions.add(stalledAtFollowUp, Session.attended((LocalDate) session.get(0), Homework.NOT_SET,
                    MeasureCatalogue.PHQ_9.score((Integer) session.get(1)), MeasureCatalogue.SRS.score(38)));
        }
        var onTrackByThen = caseWith(therapist, opened, LocalDate.of(2004, 3, 1), "STALLED", LocalDate.of(2004, 3, 20),
                "ON_TRACK", LocalDate.of(2004, 4, 1), "ON_TRACK");
        var first = record(stalledAtFollowUp, therapist, supervisor, decidedOn, followUp);
        var second = record(onTrackByThen, therapist, supervisor, decidedOn, followUp);

        var read = courses.of(List.of(first.id(), second.id()), LocalDate.of(2004, 6, 30));

        assertThat(read.get(first.id())).isEqualTo(new DecisionOutcome.Course(CaseStatus.STALLED, 15.0, CaseStatus.ON_TRACK,
                LocalDate.of(2004, 4, 7), LocalDate.of(2004, 4, 7)));
        assertThat(read.get(second.id())).isEqualTo(new DecisionOutcome.Course(CaseStatus.ON_TRACK, null, CaseStatus.ON_TRACK,
                LocalDate.of(2004, 3, 20), LocalDate.of(2004, 3, 20)));
        assertThat(courses.of(List.of(first.id()), LocalDate.of(2004, 3, 15)).get(first.id()).now())
                .as("today before the change").isEqualTo(CaseStatus.STALLED);
    }

    private Decision record(CaseId caseId, UserId therapist, UserId supervisor, LocalDate decidedOn, LocalDate followUp) {
        return decisions.record(new Decision(null, caseId, null, new DecisionDetails.ContinuePlan(), "Keep going for now.",
                Set.of(StallReason.APPROACH_FIT), therapist, followUp, supervisor, Instant.parse("2004-03-03T10:00:00Z"), decidedOn,
                CaseStatus.STALLED, 18.0, null));
    }
}
