package org.unstuck.domain.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.measure.Measure;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.measure.Score;

class ProgressReviewProperties {

    private static final Measure PRIMARY = MeasureCatalogue.PHQ_9;
    private static final Measure ALLIANCE = MeasureCatalogue.SRS;

    /** One generated session: attendance, scores, homework. */
    record Visit(Attendance attendance, int primary, int alliance, Homework homework) {
    }

    @Provide
    Arbitrary<List<Visit>> visits() {
        var visit = Combinators.combine(
                Arbitraries.of(Attendance.ATTENDED, Attendance.ATTENDED, Attendance.ATTENDED, Attendance.CANCELLED,
                        Attendance.NO_SHOW),
                Arbitraries.integers().between(0, 27),
                Arbitraries.integers().between(20, 40),
                Arbitraries.of(Homework.values())).as(Visit::new);
        return visit.list().ofMinSize(1).ofMaxSize(20)
                .filter(list -> list.getLast().attendance() == Attendance.ATTENDED);
    }

    private static CaseHistory historyOf(List<Visit> visits, boolean hard) {
        var sessions = new ArrayList<Session>();
        for (int week = 0; week < visits.size(); week++) {
            var visit = visits.get(week);
            var date = Histories.FIRST_SESSION.plusWeeks(week);
            sessions.add(visit.attendance() == Attendance.ATTENDED
                    ? Session.attended(date, visit.homework(), new Score(PRIMARY, visit.primary()),
                            new Score(ALLIANCE, visit.alliance()))
                    : Session.missed(date, visit.attendance()));
        }
        return new CaseHistory(Histories.aCase(PRIMARY, ALLIANCE), sessions, hard,
                Histories.compliantTherapist(Histories.weekAfterLast(sessions)), List.of());
    }

    @Property
    void the_status_is_the_most_severe_of_the_signals(@ForAll("visits") List<Visit> visits, @ForAll boolean hard) {
        var assessment = Histories.review(historyOf(visits, hard));
        if (assessment.signals().isEmpty()) {
            assertThat(assessment.status()).isIn(CaseStatus.ON_TRACK, CaseStatus.INSUFFICIENT_DATA);
        } else {
            var mostSevere = assessment.signals().stream().map(Signal::severity).max(Enum::compareTo).orElseThrow();
            assertThat(assessment.status()).isEqualTo(CaseStatus.of(mostSevere));
            assertThat(assessment.topSignal().orElseThrow().severity()).isEqualTo(mostSevere);
        }
    }

    @Property
    void worsening_the_latest_outcome_score_never_improves_the_status(@ForAll("visits") List<Visit> visits,
            @ForAll boolean hard) {
        var last = visits.getLast();
        if (last.primary() == 27) {
            return;
        }
        var worse = new ArrayList<>(visits);
        worse.set(worse.size() - 1, new Visit(last.attendance(), last.primary() + 1, last.alliance(), last.homework()));

        var before = Histories.review(historyOf(visits, hard)).status();
        var after = Histories.review(historyOf(worse, hard)).status();
        assertThat(after.severityRank()).isGreaterThanOrEqualTo(before.severityRank());
    }

    @Property
    void worsening_the_latest_alliance_score_never_improves_the_status(@ForAll("visits") List<Visit> visits,
            @ForAll boolean hard) {
        var last = visits.getLast();
        if (last.alliance() == 0) {
            return;
        }
        var worse = new ArrayList<>(visits);
        worse.set(worse.size() - 1, new Visit(last.attendance(), last.primary(), last.alliance() - 1, last.homework()));

        var before = Histories.review(historyOf(visits, hard)).status();
        var after = Histories.review(historyOf(worse, hard)).status();
        assertThat(after.severityRank()).isGreaterThanOrEqualTo(before.severityRank());
    }

    @Property
    void every_signal_has_a_sentence_with_no_unfilled_placeholder(@ForAll("visits") List<Visit> visits,
            @ForAll boolean hard) {
        for (var signal : Histories.review(historyOf(visits, hard)).signals()) {
            assertThat(signal.sentence()).isNotBlank().doesNotContain("{").endsWith(".");
            assertThat(signal.reason()).isEqualTo(signal.rule().reason());
        }
    }
}
