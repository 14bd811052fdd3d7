package org.unstuck.web.caseload;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.progress.AssessmentCause;
import org.unstuck.domain.progress.AssessmentHistory;
import org.unstuck.domain.access.AccessPolicy;
import org.unstuck.domain.access.Actor;
import org.unstuck.domain.access.EmergencyAccess;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.CaseOpeningPolicies;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.caseload.ClientCode;
import org.unstuck.domain.caseload.ClosingReason;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.caseload.SessionVoid;
import org.unstuck.domain.caseload.Sessions;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.credential.CredentialPolicies;
import org.unstuck.domain.credential.Credentials;
import org.unstuck.domain.credential.TherapistCompliance;
import org.unstuck.domain.measure.Measure;
import org.unstuck.domain.measure.MeasureCode;
import org.unstuck.domain.measure.MeasureKind;
import org.unstuck.domain.measure.Measures;
import org.unstuck.domain.measure.Score;
import org.unstuck.domain.notes.NoteId;
import org.unstuck.domain.notes.NotePrompt;
import org.unstuck.domain.notes.ReflectiveNote;
import org.unstuck.domain.notes.ReflectiveNotes;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.progress.PracticeSettings;
import org.unstuck.domain.progress.ProgressSnapshots;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionType;
import org.unstuck.domain.review.Decisions;
import org.unstuck.domain.review.RiskAlerts;
import org.unstuck.persistence.board.BoardFilter;
import org.unstuck.persistence.board.CaseBoards;
import org.unstuck.persistence.board.CaseRow;
import org.unstuck.persistence.board.CaseTrajectories;
import org.unstuck.persistence.progress.CaseProgressUpdater;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.common.CaseNotFoundException;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.notification.Notifications;
import org.unstuck.web.security.CurrentActor;

/**
 * A therapist's use cases on their caseload, one transaction each. Every case is checked against
 * the access rules here, not only in the screens, and every read and write of clinical data is
 * audited; a case the person may not see answers "not found", and the attempt is audited.
 */
@Service
@Transactional
public class CaseloadService {

    private final CurrentActor currentActor;
    private final Cases cases;
    private final Sessions sessions;
    private final ReflectiveNotes notes;
    private final Decisions decisions;
    private final ProgressSnapshots snapshots;
    private final CaseBoards boards;
    private final CaseTrajectories trajectories;
    private final Measures measures;
    private final Credentials credentials;
    private final CredentialPolicies policies;
    private final UserAccounts accounts;
    private final CaseProgressUpdater progress;
    private final PracticeSettings settings;
    private final AuditRecorder audit;
    private final Clock clock;
    private final AssessmentHistory history;
    private final CaseOpeningPolicies openingPolicy;
    private final RiskAlerts riskAlerts;
    private final Notifications notifications;

    CaseloadService(CurrentActor currentActor, Cases cases, Sessions sessions, ReflectiveNotes notes, Decisions decisions,
            ProgressSnapshots snapshots, CaseBoards boards, CaseTrajectories trajectories, Measures measures,
            Credentials credentials, CredentialPolicies policies, UserAccounts accounts, CaseProgressUpdater progress,
            PracticeSettings settings, AuditRecorder audit, Clock clock, AssessmentHistory history,
            CaseOpeningPolicies openingPolicy, RiskAlerts riskAlerts, Notifications notifications) {
        this.currentActor = currentActor;
        this.cases = cases;
        this.sessions = sessions;
        this.notes = notes;
        this.decisions = decisions;
        this.snapshots = snapshots;
        this.boards = boards;
        this.trajectories = trajectories;
        this.measures = measures;
        this.credentials = credentials;
        this.policies = policies;
        this.accounts = accounts;
        this.progress = progress;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.history = history;
        this.openingPolicy = openingPolicy;
        this.riskAlerts = riskAlerts;
        this.notifications = notifications;
    }

    /** The practice's today, for the dates a form offers. */
    @PermitAll
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The practice's time now, against which a list tells overdue risk alerts. */
    @PermitAll
    public Instant now() {
        return clock.instant();
    }

    /** The practice's time zone, for the times a page shows. */
    @PermitAll
    public ZoneId zone() {
        return clock.getZone();
    }

    /** A page of the signed-in therapist's cases, most severe first. */
    @RolesAllowed("THERAPIST")
    @Transactional
    public List<CaseRow> myCases(BoardFilter filter, boolean includeClosed, int offset, int limit) {
        var me = currentActor.actor().id();
        var rows = boards.caseload(me, filter, includeClosed, LocalDate.now(clock), offset, limit);
        if (offset == 0) {
            audit.allowed("caseload.read", null, rows.size() + " cases");
        }
        return rows;
    }

    @RolesAllowed("THERAPIST")
    @Transactional(readOnly = true)
    public int countMyCases(BoardFilter filter, boolean includeClosed) {
        return boards.caseloadSize(currentActor.actor().id(), filter, includeClosed);
    }

    /**
     * The case page, for its therapist and the therapist's supervisors; and, read only, for a
     * clinician while their break-glass access to it lasts, every such read flagged in the audit.
     */
    @RolesAllowed({"THERAPIST", "SUPERVISOR"})
    public CaseDetail casePage(long caseNumber) {
        var actor = currentActor.actor();
        var found = caseNumber > 0 ? cases.find(new CaseId(caseNumber)) : Optional.<TherapyCase>empty();
        var emergency = found
                .filter(theCase -> !AccessPolicy.mayReadCase(actor, theCase) && AccessPolicy.mayBreakGlass(actor))
                .flatMap(theCase -> audit.breakGlassReason(Objects.requireNonNull(theCase.id())));
        var theCase = emergency.isPresent() ? found.orElseThrow() : readableCase(actor, caseNumber, "case.read");
        var caseId = Objects.requireNonNull(theCase.id());
        var therapist = accounts.find(theCase.therapist()).map(UserAccount::displayName).orElse("");
        var visibleNotes = notes.onCase(caseId).stream().filter(note -> AccessPolicy.mayReadNote(actor, note)).toList();
        if (emergency.isPresent()) {
            audit.breakGlass("case.read", caseId, emergency.get());
        } else {
            audit.allowed("case.read", caseId, null);
        }
        if (!visibleNotes.isEmpty()) {
            audit.allowed("note.read", caseId, visibleNotes.size() + " notes");
        }
        var trajectory = trajectories.of(caseId);
        var primaryCode = theCase.primaryMeasure().code().value();
        var decided = decisions.onCase(caseId);
        var superseded = decided.stream().map(Decision::supersedes).filter(Objects::nonNull).collect(Collectors.toSet());
        var plannedEnding = theCase.isOpen() ? decided.stream()
                .filter(decision -> decision.type() == DecisionType.PLANNED_ENDING && !superseded.contains(decision.id()))
                .map(Decision::decidedOn).max(Comparator.naturalOrder()).orElse(null) : null;
        var expected = trajectory.stream().filter(point -> point.measureCode().equals(primaryCode)).findFirst()
                .flatMap(first -> progress.expectedCourse(theCase.primaryMeasure(), first.score())).orElse(null);
        var assessment = snapshots.latest(caseId)
                .map(latest -> emergency.isPresent() ? latest.withoutNoteSignals() : latest).orElse(null);
        var openAlerts = riskAlerts.openOn(caseId);
        return new CaseDetail(theCase, therapist, assessment, history.of(caseId),
                LocalDate.now(clock), sessions.of(caseId), sessions.history(caseId), trajectory,
                decided, visibleNotes, expected, settings.reviewSettings().value().trajectoryToleranceZ(),
                AccessPolicy.mayRecordOnCase(actor, theCase), AccessPolicy.mayWriteNote(actor, theCase),
                AccessPolicy.mayDecideOnCase(actor, theCase) && theCase.isOpen(),
                AccessPolicy.mayCloseCase(actor, theCase), plannedEnding, emergency.orElse(null), openAlerts,
                openAlerts.stream().anyMatch(alert -> alert.isOverdue(clock.instant())),
                AccessPolicy.mayAnswerRisk(actor, theCase) && emergency.isEmpty());
    }

    /**
     * Break-glass access: a clinician states why they must read the latest case of a client outside
     * their scope; the access is flagged in the audit with that reason and lasts
     * {@link EmergencyAccess#LASTS}. Answers the case's number.
     */
    @RolesAllowed({"THERAPIST", "SUPERVISOR"})
    public long breakGlass(String clientCode, String reason) {
        var errors = new LinkedHashMap<String, String>();
        ClientCode client = null;
        try {
            client = new ClientCode(clientCode.strip());
        } catch (IllegalArgumentException wrong) {
            errors.put("client", wrong.getMessage());
        }
        var refusal = EmergencyAccess.refusal(reason);
        if (refusal != null) {
            errors.put("reason", refusal);
        }
        if (client == null || !errors.isEmpty()) {
            throw new InvalidEntryException(errors);
        }
        var theCase = cases.latestOfClient(client).orElse(null);
        if (theCase == null) {
            audit.refused("case.break-glass", null, "client " + client.value());
            throw new InvalidEntryException(Map.of("client", "No case has the client code " + client.value() + "."));
        }
        var caseId = Objects.requireNonNull(theCase.id());
        if (!AccessPolicy.mayReadCase(currentActor.actor(), theCase)) {
            audit.breakGlass("case.break-glass", caseId, reason.strip());
        }
        return caseId.value();
    }

    /** Records a session after checking every field; nothing is saved if any is wrong. */
    @RolesAllowed("THERAPIST")
    public Session recordSession(long caseNumber, SessionEntry entry) {
        var actor = currentActor.actor();
        var theCase = readableCase(actor, caseNumber, "session.record");
        var caseId = Objects.requireNonNull(theCase.id());
        if (!AccessPolicy.mayRecordOnCase(actor, theCase)) {
            audit.refused("session.record", caseId, null);
            throw new AccessDeniedException("Only the case's own therapist records its sessions, and only while it is open");
        }
        var session = validSession(theCase, entry);
        sessions.add(caseId, session);
        var raised = riskAlerts.raiseFromScores(List.of(caseId), clock.instant());
        progress.recompute(caseId, AssessmentCause.SESSION);
        audit.allowed("session.record", caseId, "session " + session.date() + (raised.isEmpty() ? "" : ", raises a risk alert"));
        if (!raised.isEmpty()) {
            notifications.riskAlert(theCase, session.date());
        }
        return session;
    }

    /**
     * Voids a wrongly entered session with the reason: it stays in the case's history, struck
     * through, and no longer counts for any score, rule, chart or count; the case is re-assessed.
     * Only the case's own therapist voids its sessions, while it is open.
     */
    @RolesAllowed("THERAPIST")
    public void voidSession(long caseNumber, @Nullable LocalDate date, @Nullable String reason) {
        var actor = currentActor.actor();
        var theCase = readableCase(actor, caseNumber, "session.void");
        var caseId = Objects.requireNonNull(theCase.id());
        if (!AccessPolicy.mayRecordOnCase(actor, theCase)) {
            audit.refused("session.void", caseId, null);
            throw new AccessDeniedException("Only the case's own therapist voids its sessions, and only while it is open");
        }
        var errors = new LinkedHashMap<String, String>();
        if (date == null || sessions.of(caseId).stream().noneMatch(session -> session.date().equals(date))) {
            errors.put("date", "Choose a recorded session of this case that is not voided.");
        }
        SessionVoid voided = null;
        try {
            voided = new SessionVoid(actor.id(), clock.instant(), Objects.requireNonNullElse(reason, ""));
        } catch (IllegalArgumentException blank) {
            errors.put("reason", blank.getMessage() + ".");
        }
        if (voided == null || !errors.isEmpty()) {
            throw new InvalidEntryException(errors);
        }
        sessions.voidSession(caseId, Objects.requireNonNull(date), voided);
        progress.recompute(caseId, AssessmentCause.SESSION);
        audit.allowed("session.void", caseId, "session " + date);
    }

    /**
     * Closes a case with its reason, on a day between its last session and today; by its therapist
     * or a supervisor of the therapist. The case leaves the boards and open caseloads.
     */
    @RolesAllowed({"THERAPIST", "SUPERVISOR"})
    public TherapyCase closeCase(long caseNumber, @Nullable ClosingReason reason, @Nullable LocalDate on) {
        var actor = currentActor.actor();
        var theCase = readableCase(actor, caseNumber, "case.close");
        var caseId = Objects.requireNonNull(theCase.id());
        if (!AccessPolicy.mayCloseCase(actor, theCase)) {
            audit.refused("case.close", caseId, null);
            throw new AccessDeniedException("Only the case's therapist or their supervisor closes it, and only while it is open");
        }
        var errors = new LinkedHashMap<String, String>();
        if (reason == null) {
            errors.put("reason", "Choose why the case closes: discharged, planned ending completed, dropped out or "
                    + "transferred out.");
        }
        var standing = sessions.of(caseId);
        var lastSession = standing.isEmpty() ? null : standing.getLast().date();
        TherapyCase closed = null;
        if (on == null) {
            errors.put("closedOn", "Enter the day the case closed.");
        } else if (reason != null) {
            try {
                closed = theCase.close(on, reason, lastSession, LocalDate.now(clock));
            } catch (IllegalArgumentException outside) {
                errors.put("closedOn", outside.getMessage() + ".");
            }
        } else if (!theCase.isOpen()) {
            errors.put("closedOn", "The case is already closed.");
        }
        if (closed == null || !errors.isEmpty()) {
            throw new InvalidEntryException(errors);
        }
        var stored = cases.save(closed);
        progress.recompute(caseId, AssessmentCause.CASE_CLOSED);
        audit.allowed("case.close", caseId, reason + " on " + on);
        return stored;
    }

    private Session validSession(TherapyCase theCase, SessionEntry entry) {
        var errors = new LinkedHashMap<String, String>();
        var today = LocalDate.now(clock);
        var date = entry.date();
        if (date == null) {
            errors.put("date", "Enter the date of the session.");
        } else if (date.isAfter(today)) {
            errors.put("date", "A session cannot be recorded for a day in the future; today is " + today + ".");
        } else if (date.isBefore(theCase.opened())) {
            errors.put("date", "The case opened on " + theCase.opened() + "; a session cannot be earlier.");
        } else if (sessions.of(Objects.requireNonNull(theCase.id())).stream().anyMatch(s -> s.date().equals(date))) {
            errors.put("date", "A session on " + date + " is already recorded for this case.");
        }
        var attendance = entry.attendance();
        if (attendance == null) {
            errors.put("attendance", "Choose attended, cancelled or no-show.");
        }
        var scores = new ArrayList<Score>();
        if (attendance == Attendance.ATTENDED) {
            for (var measure : measuresOf(theCase)) {
                var code = measure.code().value();
                var value = entry.scores().get(code);
                var items = entry.items().getOrDefault(code, List.of());
                var givenItems = items.stream().filter(Objects::nonNull).count();
                if (givenItems > 0 && givenItems < items.size()) {
                    errors.put(code, "Enter every " + code + " item, or none; " + givenItems + " of "
                            + items.size() + " are filled in.");
                    continue;
                }
                var itemScores = givenItems == 0 ? List.<Integer>of() : items.stream().map(Objects::requireNonNull).toList();
                if (value == null && itemScores.isEmpty()) {
                    if (measure.equals(theCase.primaryMeasure())) {
                        errors.put(code, "Enter the " + measure.code() + " score of this session ("
                                + measure.range().describe() + "), or its items.");
                    }
                    continue;
                }
                try {
                    scores.add(value == null ? measure.scoreOfItems(itemScores) : new Score(measure, value, itemScores));
                } catch (IllegalArgumentException refused) {
                    errors.put(code, refused.getMessage() + ".");
                }
            }
        } else if (attendance != null && (entry.scores().values().stream().anyMatch(Objects::nonNull)
                || entry.items().values().stream().flatMap(List::stream).anyMatch(Objects::nonNull))) {
            errors.put("attendance", "Only an attended session has scores; clear the scores or choose attended.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidEntryException(errors);
        }
        var homework = attendance == Attendance.ATTENDED && entry.homework() != null ? entry.homework() : Homework.NOT_SET;
        return new Session(Objects.requireNonNull(date), Objects.requireNonNull(attendance), scores, homework);
    }

    private static List<Measure> measuresOf(TherapyCase theCase) {
        var list = new ArrayList<Measure>();
        list.add(theCase.primaryMeasure());
        if (theCase.allianceMeasure() != null) {
            list.add(theCase.allianceMeasure());
        }
        return list;
    }

    /** The outcome and alliance measures a new case can use. */
    @RolesAllowed("THERAPIST")
    @Transactional(readOnly = true)
    public List<Measure> measures(MeasureKind kind) {
        return measures.catalogue().ofKind(kind).stream()
                .filter(measure -> kind != MeasureKind.OUTCOME || measure.reliableChange() != null).toList();
    }

    /** Opens a case for the signed-in therapist, refused when their licence or insurance is not valid. */
    @RolesAllowed("THERAPIST")
    public long openCase(NewCaseEntry entry) {
        var actor = currentActor.actor();
        var errors = new LinkedHashMap<String, String>();
        var catalogue = measures.catalogue();
        ClientCode client = null;
        Approach approach = null;
        Measure primary = null;
        Measure alliance = null;
        try {
            client = new ClientCode(Objects.requireNonNullElse(entry.clientCode(), "").strip());
        } catch (IllegalArgumentException bad) {
            errors.put("clientCode", "A client code is 2 to 32 letters, digits, dots, dashes, slashes or underscores, "
                    + "such as C-0417. No names.");
        }
        var problem = Objects.requireNonNullElse(entry.presentingProblem(), "").strip();
        if (problem.isEmpty() || problem.length() > 200) {
            errors.put("presentingProblem", "Describe the presenting problem in 1 to 200 characters.");
        }
        try {
            approach = new Approach(Objects.requireNonNullElse(entry.approach(), ""));
        } catch (IllegalArgumentException bad) {
            errors.put("approach", "Name the approach in 2 to 80 characters, such as CBT.");
        }
        primary = entry.primaryMeasure() == null ? null : catalogue.find(new MeasureCode(entry.primaryMeasure()))
                .filter(measure -> measure.kind() == MeasureKind.OUTCOME && measure.reliableChange() != null).orElse(null);
        if (primary == null) {
            errors.put("primaryMeasure", "Choose the outcome measure the case is tracked on.");
        }
        if (entry.allianceMeasure() != null) {
            alliance = catalogue.find(new MeasureCode(entry.allianceMeasure()))
                    .filter(measure -> measure.kind() == MeasureKind.ALLIANCE).orElse(null);
            if (alliance == null) {
                errors.put("allianceMeasure", "Choose an alliance measure, or none.");
            }
        }
        var today = LocalDate.now(clock);
        var opened = entry.opened();
        var policy = openingPolicy.current();
        if (opened == null || !policy.allows(opened, today)) {
            errors.put("opened", "Enter the day the case opened, between " + policy.earliestOpening(today) + " and today, "
                    + today + ".");
        }
        if (client != null && !entry.secondEpisode() && !cases.openOfClientWith(client, actor.id()).isEmpty()) {
            errors.put("clientCode", "You already have an open case for " + client.value() + ". Confirm that this is a "
                    + "second episode, or open the existing case.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidEntryException(errors);
        }
        var compliance = TherapistCompliance.assess(actor.id(), credentials.of(actor.id()), credentials.cpdOf(actor.id()),
                policies.current().value(), today);
        var stored = cases.save(TherapyCase.open(client, problem, approach, primary, alliance, opened, actor.id(), compliance));
        var caseId = Objects.requireNonNull(stored.id());
        progress.recompute(caseId, AssessmentCause.CASE_OPENED);
        audit.allowed("case.open", caseId, null);
        return caseId.value();
    }

    /** Whether the signed-in therapist already has an open case for this client code; false for a code that is not valid. */
    @RolesAllowed("THERAPIST")
    @Transactional(readOnly = true)
    public boolean hasOpenCaseFor(@Nullable String clientCode) {
        try {
            return !cases.openOfClientWith(new ClientCode(Objects.requireNonNullElse(clientCode, "").strip()),
                    currentActor.actor().id()).isEmpty();
        } catch (IllegalArgumentException notACode) {
            return false;
        }
    }

    /** The earliest day a new case may be dated today. */
    @RolesAllowed("THERAPIST")
    @Transactional(readOnly = true)
    public LocalDate earliestOpening() {
        return openingPolicy.current().earliestOpening(LocalDate.now(clock));
    }

    /** Writes a new reflective note, or a new version of one, on the therapist's own case. */
    @RolesAllowed("THERAPIST")
    public void writeNote(long caseNumber, @Nullable Long noteNumber, Map<NotePrompt, String> answers, boolean hardToWorkWith) {
        var actor = currentActor.actor();
        var theCase = readableCase(actor, caseNumber, "note.write");
        var caseId = Objects.requireNonNull(theCase.id());
        if (!AccessPolicy.mayWriteNote(actor, theCase)) {
            audit.refused("note.write", caseId, null);
            throw new AccessDeniedException("Only the case's own therapist writes reflective notes on it");
        }
        var now = clock.instant();
        try {
            ReflectiveNote note;
            if (noteNumber == null) {
                note = ReflectiveNote.write(caseId, actor.id(), answers, hardToWorkWith, now);
            } else {
                var existing = notes.find(new NoteId(noteNumber)).filter(found -> found.caseId().equals(caseId))
                        .orElseThrow(() -> new CaseNotFoundException(caseNumber));
                note = existing.revise(actor.id(), answers, hardToWorkWith, now);
            }
            var saved = notes.save(note);
            progress.recompute(caseId, AssessmentCause.NOTE);
            audit.allowed("note.write", caseId, "note " + Objects.requireNonNull(saved.id()).value());
        } catch (IllegalArgumentException | IllegalStateException refused) {
            throw new InvalidEntryException(Map.of("note", refused.getMessage()));
        }
    }

    private TherapyCase readableCase(Actor actor, long caseNumber, String action) {
        var theCase = caseNumber > 0 ? cases.find(new CaseId(caseNumber)).orElse(null) : null;
        if (theCase == null || !AccessPolicy.mayReadCase(actor, theCase)) {
            audit.refused(action, theCase == null ? null : theCase.id(), "case " + caseNumber);
            throw new CaseNotFoundException(caseNumber);
        }
        return theCase;
    }
}
