package org.unstuck.persistence.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.caseload.Sessions;
import org.unstuck.domain.credential.CredentialPolicies;
import org.unstuck.domain.credential.Credentials;
import org.unstuck.domain.credential.TherapistCompliance;
import org.unstuck.domain.measure.Measure;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.measure.MeasureCode;
import org.unstuck.domain.measure.Measures;
import org.unstuck.domain.notes.ReflectiveNote;
import org.unstuck.domain.notes.ReflectiveNotes;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.AssessmentCause;
import org.unstuck.domain.progress.CaseHistory;
import org.unstuck.domain.progress.ExpectedTrajectories;
import org.unstuck.domain.progress.PracticeSettings;
import org.unstuck.domain.progress.ProgressReview;
import org.unstuck.domain.progress.ProgressSnapshot;
import org.unstuck.domain.progress.ProgressSnapshots;
import org.unstuck.domain.progress.ReviewSettings;
import org.unstuck.domain.review.RiskAlerts;
import org.unstuck.domain.progress.ScoredSession;
import org.unstuck.domain.progress.TrajectoryModel;

/**
 * Keeps each case's stored assessment current: runs the progress review when a case's data changes
 * (session, score, note, decision, credential), and for every open case at once when the practice's
 * thresholds change.
 */
@Service
public class CaseProgressUpdater {

    private final Cases cases;
    private final Sessions sessions;
    private final ReflectiveNotes notes;
    private final Credentials credentials;
    private final CredentialPolicies policies;
    private final PracticeSettings settings;
    private final ProgressSnapshots snapshots;
    private final Measures measures;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final RiskAlerts riskAlerts;
    private volatile Fitted fitted = new Fitted(ReviewSettings.defaults(), LocalDate.MIN, ExpectedTrajectories.none());

    /** Trajectories are refitted once a day, or when the settings change; a single re-assessment reuses them. */
    private record Fitted(ReviewSettings settings, LocalDate on, ExpectedTrajectories trajectories) {
    }

    CaseProgressUpdater(Cases cases, Sessions sessions, ReflectiveNotes notes, Credentials credentials,
            CredentialPolicies policies, PracticeSettings settings, ProgressSnapshots snapshots, Measures measures,
            JdbcClient jdbc, Clock clock, RiskAlerts riskAlerts) {
        this.cases = cases;
        this.sessions = sessions;
        this.notes = notes;
        this.credentials = credentials;
        this.policies = policies;
        this.settings = settings;
        this.snapshots = snapshots;
        this.measures = measures;
        this.jdbc = jdbc;
        this.clock = clock;
        this.riskAlerts = riskAlerts;
    }

    /**
     * The intake band a case with this first score belongs to on this measure: fitted on the
     * practice's finished cases, or saying how many more it needs.
     */
    @Transactional(readOnly = true)
    public Optional<TrajectoryModel.IntakeBand> expectedCourse(Measure measure, double intake) {
        return currentTrajectories().forMeasure(measure.code()).flatMap(model -> model.bandFor(intake));
    }

    private ExpectedTrajectories currentTrajectories() {
        var reviewSettings = settings.reviewSettings().value();
        var current = fitted;
        if (!current.settings().equals(reviewSettings) || !current.on().equals(LocalDate.now(clock))) {
            current = refit(reviewSettings);
        }
        return current.trajectories();
    }

    /** Re-assesses one case and stores the result; a change of verdict enters its history with this cause. */
    @Transactional
    public ProgressSnapshot recompute(CaseId caseId, AssessmentCause cause) {
        var reviewSettings = settings.reviewSettings();
        return recompute(caseId, new Run(new ProgressReview(reviewSettings.value(), currentTrajectories()),
                reviewSettings.version(), complianceAsOfToday(), LocalDate.now(clock), cause));
    }

    /** Re-assesses these cases, with the practice's settings and expected trajectories read once for all. */
    @Transactional
    public void recompute(Collection<CaseId> caseIds, AssessmentCause cause) {
        var reviewSettings = settings.reviewSettings();
        var run = new Run(new ProgressReview(reviewSettings.value(), currentTrajectories()), reviewSettings.version(),
                complianceAsOfToday(), LocalDate.now(clock), cause);
        caseIds.forEach(id -> recompute(id, run));
    }

    /**
     * Re-assesses these cases as they stood on a past day, for a practice whose history is being
     * written in order (the demo practice lives its year this way); entries take effect on that day.
     */
    @Transactional
    public void recomputeAsOf(Collection<CaseId> caseIds, LocalDate day, AssessmentCause cause) {
        var reviewSettings = settings.reviewSettings();
        var run = new Run(new ProgressReview(reviewSettings.value(), currentTrajectories()), reviewSettings.version(),
                complianceOn(day), day, cause);
        caseIds.forEach(id -> recompute(id, run));
    }

    /** Re-assesses every open case in one transaction; returns how many. */
    @Transactional
    public int recomputeAllOpenCases(AssessmentCause cause) {
        var reviewSettings = settings.reviewSettings();
        var run = new Run(new ProgressReview(reviewSettings.value(), refit(reviewSettings.value()).trajectories()),
                reviewSettings.version(), complianceAsOfToday(), LocalDate.now(clock), cause);
        var open = jdbc.sql("SELECT id FROM therapy_case WHERE closed_on IS NULL ORDER BY id").query(Long.class).list();
        open.forEach(id -> recompute(new CaseId(id), run));
        return open.size();
    }

    /** Re-assesses a therapist's open cases, after their credentials or CPD changed; returns how many. */
    @Transactional
    public int recomputeCasesOf(UserId therapist, AssessmentCause cause) {
        var open = jdbc.sql("SELECT id FROM therapy_case WHERE closed_on IS NULL AND therapist_id = :therapist ORDER BY id")
                .param("therapist", therapist.value()).query(Long.class).list().stream().map(CaseId::new).toList();
        recompute(open, cause);
        return open.size();
    }

    /** What one re-assessment run shares between its cases. */
    private record Run(ProgressReview review, long settingsVersion, Function<UserId, TherapistCompliance> complianceOf,
            LocalDate today, AssessmentCause cause) {
    }

    /** Trajectories fitted afresh for a practice-wide run, which then uses them for every case. */
    ExpectedTrajectories refitted(ReviewSettings reviewSettings) {
        return refit(reviewSettings).trajectories();
    }

    private Fitted refit(ReviewSettings reviewSettings) {
        var refitted = new Fitted(reviewSettings, LocalDate.now(clock), trajectories(reviewSettings));
        fitted = refitted;
        return refitted;
    }

    /**
     * Each therapist's compliance as of today, read once per therapist however many of their cases
     * are re-assessed together.
     */
    private Function<UserId, TherapistCompliance> complianceAsOfToday() {
        return complianceOn(LocalDate.now(clock));
    }

    Function<UserId, TherapistCompliance> complianceOn(LocalDate today) {
        var policy = policies.current().value();
        var assessed = new ConcurrentHashMap<UserId, TherapistCompliance>();
        return therapist -> assessed.computeIfAbsent(therapist, id -> TherapistCompliance.assess(id, credentials.of(id),
                credentials.cpdOf(id), policy, today));
    }

    private ProgressSnapshot recompute(CaseId caseId, Run run) {
        var theCase = cases.find(caseId).orElseThrow(() -> new IllegalArgumentException("No case " + caseId.value()));
        var today = run.today();
        var hard = ReflectiveNote.currentTherapistFindsItHard(theCase, notes.onCase(caseId), clock.getZone());
        var history = new CaseHistory(theCase, sessions.of(caseId), hard, run.complianceOf().apply(theCase.therapist()),
                riskAlerts.openOn(caseId));
        return snapshots.store(caseId, run.review().assess(history, today), today, clock.instant(), run.cause(),
                run.settingsVersion());
    }

    /** Expected trajectories fitted on the practice's closed cases, per outcome measure. */
    private ExpectedTrajectories trajectories(ReviewSettings reviewSettings) {
        record Point(long caseId, String measure, int sessionNumber, double value) {
        }
        var points = jdbc.sql("""
                SELECT c.id, c.primary_measure, s.session_date,
                       row_number() OVER (PARTITION BY c.id ORDER BY s.session_date, s.id) AS session_number,
                       sc.score
                FROM therapy_case c
                JOIN therapy_session s ON s.case_id = c.id AND s.attendance = 'ATTENDED' AND s.voided_at IS NULL
                LEFT JOIN session_score sc ON sc.session_id = s.id AND sc.measure_code = c.primary_measure
                WHERE c.closed_on IS NOT NULL
                ORDER BY c.id, s.session_date, s.id""")
                .query((row, number) -> new Point(row.getLong("id"), row.getString("primary_measure"),
                        row.getInt("session_number"), row.getObject("score") == null ? Double.NaN : row.getDouble("score")))
                .list();
        Map<String, Map<Long, List<ScoredSession>>> byMeasure = new HashMap<>();
        for (var point : points) {
            if (Double.isNaN(point.value())) {
                continue;
            }
            byMeasure.computeIfAbsent(point.measure(), measure -> new HashMap<>())
                    .computeIfAbsent(point.caseId(), id -> new ArrayList<>())
                    .add(new ScoredSession(point.sessionNumber(), LocalDate.EPOCH, point.value()));
        }
        MeasureCatalogue catalogue = measures.catalogue();
        var models = byMeasure.entrySet().stream()
                .map(entry -> TrajectoryModel.fit(catalogue.find(new MeasureCode(entry.getKey())).orElseThrow(),
                        List.copyOf(entry.getValue().values()), reviewSettings))
                .toList();
        return new ExpectedTrajectories(models);
    }
}
