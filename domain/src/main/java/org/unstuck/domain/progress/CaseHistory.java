package org.unstuck.domain.progress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.credential.TherapistCompliance;
import org.unstuck.domain.measure.Measure;

/**
 * Everything the progress review looks at for one case: the case, its sessions in date order,
 * whether the therapist's latest reflective note says the client is hard to work with, the
 * assigned therapist's credentials, and the risk alerts no decision has answered yet.
 */
public record CaseHistory(TherapyCase theCase, List<Session> sessions, boolean therapistFindsItHard,
        TherapistCompliance therapistCompliance, List<RiskAlert> openRiskAlerts) {

    public CaseHistory {
        sessions = sessions.stream().sorted(Comparator.comparing(Session::date)).toList();
        openRiskAlerts = List.copyOf(openRiskAlerts);
    }

    /** The primary measure's scores, by attended session. */
    public List<ScoredSession> primaryScores() {
        return scoresOn(theCase.primaryMeasure());
    }

    /** The alliance measure's scores, or none when the case has no alliance measure. */
    public List<ScoredSession> allianceScores() {
        var alliance = theCase.allianceMeasure();
        return alliance == null ? List.of() : scoresOn(alliance);
    }

    /** How many sessions the client attended, scored or not. */
    public int attendedSessions() {
        return (int) sessions.stream().filter(Session::wasAttended).count();
    }

    public List<ScoredSession> scoresOn(Measure measure) {
        var scored = new ArrayList<ScoredSession>();
        int attended = 0;
        for (var session : sessions) {
            if (!session.wasAttended()) {
                continue;
            }
            attended++;
            for (var score : session.scores()) {
                if (score.code().equals(measure.code())) {
                    scored.add(new ScoredSession(attended, session.date(), score.value()));
                }
            }
        }
        return scored;
    }
}
