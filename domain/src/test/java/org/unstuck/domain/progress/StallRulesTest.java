package org.unstuck.domain.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unstuck.domain.measure.MeasureCatalogue.GAD_7;
import static org.unstuck.domain.measure.MeasureCatalogue.ORS;
import static org.unstuck.domain.measure.MeasureCatalogue.PHQ_9;
import static org.unstuck.domain.measure.MeasureCatalogue.SRS;
import static org.unstuck.domain.progress.Histories.FIRST_SESSION;
import static org.unstuck.domain.progress.Histories.aCase;
import static org.unstuck.domain.progress.Histories.compliantTherapist;
import static org.unstuck.domain.progress.Histories.history;
import static org.unstuck.domain.progress.Histories.missed;
import static org.unstuck.domain.progress.Histories.phq9;
import static org.unstuck.domain.progress.Histories.review;
import static org.unstuck.domain.progress.Histories.weekly;
import static org.unstuck.domain.progress.Histories.weeklyWithAlliance;
import static org.unstuck.domain.progress.Histories.withHomework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.credential.CpdEntry;
import org.unstuck.domain.credential.Credential;
import org.unstuck.domain.credential.CredentialPolicy;
import org.unstuck.domain.credential.CredentialType;
import org.unstuck.domain.credential.TherapistCompliance;

/** Each stall rule at its threshold, just below and just above. */
class StallRulesTest {

    private static List<Signal> signalsOf(CaseHistory history, Rule rule) {
        return review(history).signals().stream().filter(signal -> signal.rule() == rule).toList();
    }

    @Nested
    class InsufficientData {
        @Test
        void one_score_and_nothing_else_is_grey_not_flagged() {
            var assessment = review(phq9(18));
            assertThat(assessment.status()).isEqualTo(CaseStatus.INSUFFICIENT_DATA);
            assertThat(assessment.signals()).isEmpty();
            assertThat(assessment.status().isFlagged()).isFalse();
        }

        @Test
        void two_scores_without_signals_are_on_track() {
            assertThat(review(phq9(18, 17)).status()).isEqualTo(CaseStatus.ON_TRACK);
        }
    }

    @Nested
    class ReliableDeterioration {
        @Test
        void a_rise_of_exactly_the_reliable_change_is_deterioration() {
            var assessment = review(phq9(12, 18));
            assertThat(assessment.status()).isEqualTo(CaseStatus.DETERIORATING);
            assertThat(assessment.topSignal().orElseThrow().sentence())
                    .isEqualTo("PHQ-9 12 → 18 since the first score: worse by 6, at or beyond the reliable change of 6.");
        }

        @Test
        void a_rise_just_below_the_reliable_change_is_not() {
            assertThat(signalsOf(phq9(12, 17), Rule.RELIABLE_DETERIORATION)).isEmpty();
        }

        @Test
        void a_rise_above_it_is() {
            assertThat(signalsOf(phq9(12, 19), Rule.RELIABLE_DETERIORATION)).hasSize(1);
        }

        @Test
        void on_a_measure_where_higher_is_better_a_fall_is_deterioration() {
            var history = history(ORS, weekly(ORS, 24, 19));
            assertThat(review(history).status()).isEqualTo(CaseStatus.DETERIORATING);
            assertThat(signalsOf(history(ORS, weekly(ORS, 24, 19.1)), Rule.RELIABLE_DETERIORATION)).isEmpty();
        }
    }

    @Nested
    class NoReliableImprovement {
        @Test
        void six_attended_sessions_without_reliable_improvement_is_stalled() {
            var assessment = review(phq9(18, 17, 18, 16, 17, 17));
            assertThat(assessment.status()).isEqualTo(CaseStatus.STALLED);
            assertThat(assessment.topSignal().orElseThrow().sentence())
                    .isEqualTo("PHQ-9 18 → 17 over 6 sessions; reliable improvement needs a drop of 6.");
            assertThat(assessment.topSignal().orElseThrow().reason()).isEqualTo(StallReason.APPROACH_FIT);
        }

        @Test
        void five_sessions_are_too_early_to_say() {
            assertThat(signalsOf(phq9(18, 17, 18, 16, 17), Rule.NO_RELIABLE_IMPROVEMENT)).isEmpty();
        }

        @Test
        void seven_sessions_are_stalled_too() {
            assertThat(signalsOf(phq9(18, 17, 18, 16, 17, 17, 16), Rule.NO_RELIABLE_IMPROVEMENT)).hasSize(1);
        }

        @Test
        void a_drop_of_exactly_the_reliable_change_is_improvement() {
            assertThat(signalsOf(phq9(18, 17, 16, 15, 14, 12), Rule.NO_RELIABLE_IMPROVEMENT)).isEmpty();
        }

        @Test
        void a_drop_one_point_short_is_not() {
            assertThat(signalsOf(phq9(18, 17, 16, 15, 14, 13), Rule.NO_RELIABLE_IMPROVEMENT)).hasSize(1);
        }

        @Test
        void attended_sessions_are_counted_from_the_first_score_and_missed_ones_do_not_count() {
            var sessions = new ArrayList<>(weekly(GAD_7, 12, 12, 11, 12, 11));
            sessions.add(missed(5, Attendance.CANCELLED));
            assertThat(signalsOf(history(GAD_7, sessions), Rule.NO_RELIABLE_IMPROVEMENT)).isEmpty();
            sessions.add(Session.attended(FIRST_SESSION.plusWeeks(6), Homework.NOT_SET, GAD_7.score(11)));
            var signal = signalsOf(history(GAD_7, sessions), Rule.NO_RELIABLE_IMPROVEMENT);
            assertThat(signal).singleElement().extracting(Signal::sentence)
                    .isEqualTo("GAD-7 12 → 11 over 6 sessions; reliable improvement needs a drop of 4.");
        }

        /** Attended weekly sessions after the scored ones, with no score of the primary measure. */
        private List<Session> withUnscored(List<Session> scored, int unscored) {
            var sessions = new ArrayList<>(scored);
            for (var week = 0; week < unscored; week++) {
                sessions.add(withHomework(scored.size() + week, Homework.NOT_SET));
            }
            return sessions;
        }

        @Test
        void six_attended_sessions_of_which_only_the_first_five_were_scored_are_stalled() {
            var signal = signalsOf(history(PHQ_9, withUnscored(weekly(PHQ_9, 18, 17, 18, 16, 17), 1)),
                    Rule.NO_RELIABLE_IMPROVEMENT);
            assertThat(signal).singleElement().extracting(Signal::sentence)
                    .isEqualTo("PHQ-9 18 → 17 over 6 sessions; reliable improvement needs a drop of 6.");
        }

        @Test
        void five_attended_sessions_of_which_four_were_scored_are_still_too_early() {
            assertThat(signalsOf(history(PHQ_9, withUnscored(weekly(PHQ_9, 18, 17, 18, 16), 1)), Rule.NO_RELIABLE_IMPROVEMENT))
                    .isEmpty();
        }

        @Test
        void attended_sessions_before_the_first_score_do_not_count() {
            var sessions = new ArrayList<Session>();
            sessions.add(withHomework(0, Homework.NOT_SET));
            for (var week = 1; week <= 5; week++) {
                sessions.add(Session.attended(FIRST_SESSION.plusWeeks(week), Homework.NOT_SET, PHQ_9.score(17)));
            }
            assertThat(signalsOf(history(PHQ_9, sessions), Rule.NO_RELIABLE_IMPROVEMENT)).as("5 since the first score").isEmpty();
            sessions.add(withHomework(6, Homework.NOT_SET));
            assertThat(signalsOf(history(PHQ_9, sessions), Rule.NO_RELIABLE_IMPROVEMENT)).as("6 since the first score").hasSize(1);
        }

        @Test
        void where_higher_is_better_the_sentence_asks_for_a_rise() {
            var signal = signalsOf(history(ORS, weekly(ORS, 20, 21, 20.5, 22, 23, 24.9)), Rule.NO_RELIABLE_IMPROVEMENT);
            assertThat(signal).singleElement().extracting(Signal::sentence)
                    .isEqualTo("ORS 20 → 24.9 over 6 sessions; reliable improvement needs a rise of 5.");
        }
    }

    @Nested
    class AllianceConcern {
        private CaseHistory withAlliance(double... srs) {
            var phq = new double[srs.length];
            java.util.Arrays.fill(phq, 15);
            return history(PHQ_9, weeklyWithAlliance(PHQ_9, phq, SRS, srs));
        }

        @Test
        void the_latest_score_just_below_the_cut_off_is_watch() {
            var signals = signalsOf(withAlliance(38, 35.9), Rule.ALLIANCE_CONCERN);
            assertThat(signals).singleElement().satisfies(signal -> {
                assertThat(signal.severity()).isEqualTo(Severity.WATCH);
                assertThat(signal.sentence()).isEqualTo("SRS 35.9 at the last session, below the alliance cut-off of 36.");
                assertThat(signal.reason()).isEqualTo(StallReason.ALLIANCE);
            });
        }

        @Test
        void at_the_cut_off_without_a_fall_is_no_concern() {
            assertThat(signalsOf(withAlliance(36, 36), Rule.ALLIANCE_CONCERN)).isEmpty();
        }

        @Test
        void two_sessions_in_a_row_below_the_cut_off_is_stalled() {
            var signals = signalsOf(withAlliance(39, 35, 34), Rule.ALLIANCE_CONCERN);
            assertThat(signals).singleElement().extracting(Signal::severity).isEqualTo(Severity.STALLED);
        }

        @Test
        void a_fall_of_exactly_one_point_is_watch_and_just_less_is_not() {
            assertThat(signalsOf(withAlliance(39, 38), Rule.ALLIANCE_CONCERN)).singleElement()
                    .extracting(Signal::sentence).isEqualTo("SRS fell from 39 to 38 since the previous session.");
            assertThat(signalsOf(withAlliance(39, 38.1), Rule.ALLIANCE_CONCERN)).isEmpty();
        }
    }

    @Nested
    class LowAttendance {
        private List<Session> attendedThenMissed(int attended, Attendance... missedOnes) {
            var sessions = new ArrayList<>(weekly(PHQ_9, new double[0]));
            int week = 0;
            for (int i = 0; i < attended; i++) {
                sessions.add(withHomework(week++, Homework.NOT_SET));
            }
            for (var missedOne : missedOnes) {
                sessions.add(missed(week++, missedOne));
            }
            return sessions;
        }

        @Test
        void six_of_eight_attended_is_exactly_the_minimum_and_no_concern() {
            var sessions = attendedThenMissed(6, Attendance.CANCELLED, Attendance.CANCELLED);
            assertThat(signalsOf(history(PHQ_9, sessions), Rule.LOW_ATTENDANCE)).isEmpty();
        }

        @Test
        void five_of_eight_is_below_it() {
            var sessions = attendedThenMissed(5, Attendance.CANCELLED, Attendance.NO_SHOW, Attendance.CANCELLED);
            assertThat(signalsOf(history(PHQ_9, sessions), Rule.LOW_ATTENDANCE)).singleElement()
                    .extracting(Signal::sentence)
                    .isEqualTo("5 of the last 8 scheduled sessions attended (62%); the minimum is 75%.");
        }

        @Test
        void only_the_last_eight_scheduled_sessions_count() {
            var sessions = new ArrayList<Session>();
            for (int week = 0; week < 4; week++) {
                sessions.add(missed(week, Attendance.CANCELLED));
            }
            for (int week = 4; week < 12; week++) {
                sessions.add(withHomework(week, Homework.NOT_SET));
            }
            assertThat(signalsOf(history(PHQ_9, sessions), Rule.LOW_ATTENDANCE)).isEmpty();
        }

        @Test
        void two_no_shows_in_a_row_is_watch_and_one_is_not() {
            var two = attendedThenMissed(10, Attendance.NO_SHOW, Attendance.NO_SHOW);
            assertThat(signalsOf(history(PHQ_9, two), Rule.LOW_ATTENDANCE)).singleElement()
                    .extracting(Signal::sentence).isEqualTo("No-show at the last 2 sessions in a row.");
            var one = attendedThenMissed(10, Attendance.NO_SHOW);
            assertThat(signalsOf(history(PHQ_9, one), Rule.LOW_ATTENDANCE)).isEmpty();
        }
    }

    @Nested
    class MeasureNotTaken {
        private List<Session> scoredThenWithout(int withoutPrimary) {
            var sessions = new ArrayList<>(weekly(PHQ_9, 18, 17, 16));
            for (int week = 3; week < 3 + withoutPrimary; week++) {
                sessions.add(Session.attended(FIRST_SESSION.plusWeeks(week), Homework.NOT_SET, SRS.score(40)));
            }
            return sessions;
        }

        @Test
        void the_primary_measure_missing_at_the_last_two_attended_sessions_is_watch() {
            assertThat(signalsOf(history(PHQ_9, scoredThenWithout(2)), Rule.MEASURE_NOT_TAKEN)).singleElement()
                    .satisfies(signal -> {
                        assertThat(signal.sentence()).isEqualTo("No PHQ-9 at the last 2 attended sessions, so nobody can "
                                + "tell whether the client is improving.");
                        assertThat(signal.severity()).isEqualTo(Severity.WATCH);
                        assertThat(signal.reason()).isEqualTo(StallReason.CLIENT_ENGAGEMENT);
                    });
        }

        @Test
        void missing_once_is_not_and_a_missed_session_between_does_not_count_as_one() {
            assertThat(signalsOf(history(PHQ_9, scoredThenWithout(1)), Rule.MEASURE_NOT_TAKEN)).isEmpty();
            var withNoShow = new ArrayList<>(scoredThenWithout(1));
            withNoShow.add(missed(4, Attendance.NO_SHOW));
            assertThat(signalsOf(history(PHQ_9, withNoShow), Rule.MEASURE_NOT_TAKEN)).isEmpty();
            withNoShow.add(Session.attended(FIRST_SESSION.plusWeeks(5), Homework.NOT_SET, SRS.score(39)));
            assertThat(signalsOf(history(PHQ_9, withNoShow), Rule.MEASURE_NOT_TAKEN)).hasSize(1);
        }

        @Test
        void scored_again_at_the_last_session_clears_it() {
            var sessions = new ArrayList<>(scoredThenWithout(2));
            sessions.add(Session.attended(FIRST_SESSION.plusWeeks(5), Homework.NOT_SET, PHQ_9.score(15)));
            assertThat(signalsOf(history(PHQ_9, sessions), Rule.MEASURE_NOT_TAKEN)).isEmpty();
        }
    }

    @Nested
    class HomeworkNotDone {
        private List<Session> homework(Homework... done) {
            var sessions = new ArrayList<Session>();
            for (int week = 0; week < done.length; week++) {
                sessions.add(withHomework(week, done[week]));
            }
            return sessions;
        }

        @Test
        void not_done_in_three_of_the_last_four_where_set_is_watch() {
            var sessions = homework(Homework.NO, Homework.NOT_SET, Homework.YES, Homework.NO, Homework.NO);
            assertThat(signalsOf(history(PHQ_9, sessions), Rule.HOMEWORK_NOT_DONE)).singleElement()
                    .satisfies(signal -> {
                        assertThat(signal.sentence()).isEqualTo("Homework not done in 3 of the last 4 sessions where it was set.");
                        assertThat(signal.reason()).isEqualTo(StallReason.CLIENT_ENGAGEMENT);
                    });
        }

        @Test
        void two_of_four_is_below_the_threshold() {
            var sessions = homework(Homework.YES, Homework.PARTLY, Homework.NO, Homework.NO);
            assertThat(signalsOf(history(PHQ_9, sessions), Rule.HOMEWORK_NOT_DONE)).isEmpty();
        }

        @Test
        void four_of_four_is_above_it() {
            var sessions = homework(Homework.NO, Homework.NO, Homework.NO, Homework.NO);
            assertThat(signalsOf(history(PHQ_9, sessions), Rule.HOMEWORK_NOT_DONE)).hasSize(1);
        }
    }

    @Nested
    class Drift {
        private final ReviewSettings settings = ReviewSettings.defaults();
        private final List<Session> sessions = List.of(withHomework(0, Homework.NOT_SET));
        private final LocalDate last = FIRST_SESSION;

        private List<Signal> driftAfter(int days) {
            return StallRules.drift(true, FIRST_SESSION.minusDays(7), sessions, last.plusDays(days), settings);
        }

        @Test
        void twenty_days_without_a_session_is_no_drift() {
            assertThat(driftAfter(20)).isEmpty();
        }

        @Test
        void twenty_one_days_is_watch() {
            assertThat(driftAfter(21)).singleElement().satisfies(signal -> {
                assertThat(signal.severity()).isEqualTo(Severity.WATCH);
                assertThat(signal.sentence()).isEqualTo("No attended session for 21 days (last on 2026-01-05).");
            });
        }

        @Test
        void forty_one_days_is_still_watch_and_forty_two_is_stalled() {
            assertThat(driftAfter(41)).singleElement().extracting(Signal::severity).isEqualTo(Severity.WATCH);
            assertThat(driftAfter(42)).singleElement().extracting(Signal::severity).isEqualTo(Severity.STALLED);
        }

        @Test
        void a_closed_case_never_drifts() {
            assertThat(StallRules.drift(false, FIRST_SESSION, sessions, last.plusDays(400), settings)).isEmpty();
        }

        @Test
        void a_case_never_attended_drifts_from_its_opening() {
            assertThat(StallRules.drift(true, FIRST_SESSION, List.of(), FIRST_SESSION.plusDays(21), settings))
                    .singleElement().extracting(Signal::sentence)
                    .isEqualTo("No attended session in the 21 days since the case opened on 2026-01-05.");
        }
    }

    @Nested
    class TherapistReticence {
        @Test
        void the_hard_to_work_with_flag_makes_the_case_stalled_with_reason_three() {
            var sessions = weekly(PHQ_9, 18, 12);
            var history = new CaseHistory(aCase(PHQ_9, SRS), sessions, true, compliantTherapist(FIRST_SESSION.plusWeeks(2)), List.of());
            var assessment = review(history);
            assertThat(assessment.status()).isEqualTo(CaseStatus.STALLED);
            assertThat(assessment.topSignal().orElseThrow().reason()).isEqualTo(StallReason.THERAPIST_RETICENCE);
            assertThat(assessment.topSignal().orElseThrow().sentence()).contains("consider a referral to a colleague");
        }

        @Test
        void without_the_flag_there_is_no_such_signal() {
            assertThat(signalsOf(phq9(18, 12), Rule.THERAPIST_RETICENCE)).isEmpty();
        }
    }

    @Nested
    class TherapistReadiness {
        private TherapistCompliance compliance(LocalDate today, LocalDate licenceEnds, double cpdHours) {
            var therapist = Histories.THERAPIST;
            var credentials = List.of(
                    new Credential(null, 0, therapist, CredentialType.LICENCE, "Licence", "L-1", "Board", "UK",
                            today.minusYears(2), licenceEnds, null),
                    new Credential(null, 0, therapist, CredentialType.REGISTRATION, "Register", "R-1", "Body", "UK",
                            today.minusYears(2), today.plusYears(1), null),
                    new Credential(null, 0, therapist, CredentialType.INSURANCE, "Insurance", "I-1", "Insurer", "UK",
                            today.minusYears(1), today.plusYears(1), null));
            return TherapistCompliance.assess(therapist, credentials,
                    List.of(new CpdEntry(therapist, today.minusMonths(3), cpdHours, "Trauma")), CredentialPolicy.defaults(), today);
        }

        @Test
        void a_licence_that_ended_yesterday_is_a_readiness_watch_with_reason_five() {
            var today = LocalDate.of(2026, 6, 1);
            var signals = StallRules.therapistReadiness(compliance(today, today.minusDays(1), 30));
            assertThat(signals).singleElement().satisfies(signal -> {
                assertThat(signal.severity()).isEqualTo(Severity.WATCH);
                assertThat(signal.reason()).isEqualTo(StallReason.THERAPIST_READINESS);
                assertThat(signal.sentence()).isEqualTo("The assigned therapist's licence expired on 2026-05-31.");
            });
        }

        @Test
        void a_licence_ending_today_is_still_in_force() {
            var today = LocalDate.of(2026, 6, 1);
            assertThat(StallRules.therapistReadiness(compliance(today, today, 30))).isEmpty();
        }

        @Test
        void cpd_half_an_hour_short_is_a_signal_and_exactly_enough_is_not() {
            var today = LocalDate.of(2026, 6, 1);
            assertThat(StallRules.therapistReadiness(compliance(today, today.plusYears(1), 29.5))).singleElement()
                    .extracting(Signal::sentence)
                    .isEqualTo("The assigned therapist has 29.5 of the 30 CPD hours required in the last twelve months.");
            assertThat(StallRules.therapistReadiness(compliance(today, today.plusYears(1), 30))).isEmpty();
        }
    }
}
