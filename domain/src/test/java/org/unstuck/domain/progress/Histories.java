package org.unstuck.domain.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.ClientCode;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.credential.CpdEntry;
import org.unstuck.domain.credential.Credential;
import org.unstuck.domain.credential.CredentialPolicy;
import org.unstuck.domain.credential.CredentialType;
import org.unstuck.domain.credential.TherapistCompliance;
import org.unstuck.domain.measure.Measure;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.measure.Score;
import org.unstuck.domain.practice.UserId;

/** Case histories for tests: weekly sessions from a fixed Monday, reviewed a week after the last. */
public final class Histories {

    public static final LocalDate FIRST_SESSION = LocalDate.of(2026, 1, 5);
    public static final UserId THERAPIST = new UserId(7);

    private Histories() {
    }

    public static TherapistCompliance compliantTherapist(LocalDate today) {
        var credentials = EnumSet.of(CredentialType.LICENCE, CredentialType.REGISTRATION, CredentialType.INSURANCE).stream()
                .map(type -> new Credential(null, 0, THERAPIST, type, type.name(), "N-1", "Board", "UK",
                        today.minusYears(1), today.plusYears(1), null))
                .toList();
        return TherapistCompliance.assess(THERAPIST, credentials,
                List.of(new CpdEntry(THERAPIST, today.minusMonths(2), 40, "Supervision skills")),
                CredentialPolicy.defaults(), today);
    }

    public static TherapyCase aCase(Measure primary, @Nullable Measure alliance) {
        return new TherapyCase(null, 0, new ClientCode("C-0001"), "Low mood", new Approach("CBT"), primary, alliance,
                FIRST_SESSION.minusDays(7), null, THERAPIST, List.of());
    }

    /** Attended weekly sessions with one primary score each. */
    public static List<Session> weekly(Measure measure, double... scores) {
        var sessions = new ArrayList<Session>();
        for (int i = 0; i < scores.length; i++) {
            sessions.add(Session.attended(FIRST_SESSION.plusWeeks(i), Homework.NOT_SET, new Score(measure, scores[i])));
        }
        return sessions;
    }

    /** Attended weekly sessions scored on a primary and an alliance measure. */
    public static List<Session> weeklyWithAlliance(Measure primary, double[] primaryScores, Measure alliance,
            double[] allianceScores) {
        var sessions = new ArrayList<Session>();
        for (int i = 0; i < primaryScores.length; i++) {
            sessions.add(Session.attended(FIRST_SESSION.plusWeeks(i), Homework.NOT_SET,
                    new Score(primary, primaryScores[i]), new Score(alliance, allianceScores[i])));
        }
        return sessions;
    }

    public static Session missed(int week, Attendance attendance) {
        return Session.missed(FIRST_SESSION.plusWeeks(week), attendance);
    }

    public static Session withHomework(int week, Homework homework) {
        return Session.attended(FIRST_SESSION.plusWeeks(week), homework);
    }

    public static LocalDate weekAfterLast(List<Session> sessions) {
        return sessions.isEmpty() ? FIRST_SESSION : sessions.getLast().date().plusWeeks(1);
    }

    public static CaseHistory history(Measure primary, List<Session> sessions) {
        return new CaseHistory(aCase(primary, MeasureCatalogue.SRS), sessions, false,
                compliantTherapist(weekAfterLast(sessions)), List.of());
    }

    public static CaseHistory phq9(double... scores) {
        return history(MeasureCatalogue.PHQ_9, weekly(MeasureCatalogue.PHQ_9, scores));
    }

    public static ProgressAssessment review(CaseHistory history) {
        return new ProgressReview(ReviewSettings.defaults(), ExpectedTrajectories.none())
                .assess(history, weekAfterLast(history.sessions()));
    }
}
