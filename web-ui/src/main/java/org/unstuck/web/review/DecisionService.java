package org.unstuck.web.review;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.access.AccessPolicy;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.credential.ComplianceStatus;
import org.unstuck.domain.credential.CredentialPolicies;
import org.unstuck.domain.credential.Credentials;
import org.unstuck.domain.credential.RequirementStatus;
import org.unstuck.domain.credential.TherapistCompliance;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.practice.Username;
import org.unstuck.domain.progress.AssessmentCause;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.ProgressSnapshots;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.DecisionId;
import org.unstuck.domain.review.Decisions;
import org.unstuck.domain.review.FollowUpReview;
import org.unstuck.domain.review.FollowUpReviews;
import org.unstuck.domain.review.MeetingId;
import org.unstuck.domain.review.Referral;
import org.unstuck.domain.review.Referrals;
import org.unstuck.domain.review.RiskAlerts;
import org.unstuck.persistence.board.CaseTrajectories;
import org.unstuck.persistence.board.PracticeOverview;
import org.unstuck.persistence.progress.CaseProgressUpdater;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.common.CaseNotFoundException;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.common.Labels;
import org.unstuck.web.notification.Notifications;
import org.unstuck.web.security.CurrentActor;

/**
 * Recording supervision decisions. Only a supervisor of the case's therapist decides; every
 * decision is kept as recorded, with the case's status and score at that moment. A change of
 * approach takes effect on the case at once; a referral to a colleague waits for their answer,
 * and goes only to a colleague who may take new cases. A new decision answers the case's open
 * follow-ups.
 */
@Service
@Transactional
public class DecisionService {

    private final CurrentActor currentActor;
    private final Cases cases;
    private final Decisions decisions;
    private final Referrals referrals;
    private final Notifications notifications;
    private final ProgressSnapshots snapshots;
    private final CaseTrajectories trajectories;
    private final UserAccounts accounts;
    private final CaseProgressUpdater progress;
    private final FollowUpReviews reviews;
    private final PracticeOverview overview;
    private final Credentials credentials;
    private final CredentialPolicies policies;
    private final MeetingService meetings;
    private final AuditRecorder audit;
    private final Clock clock;
    private final RiskAlerts riskAlerts;

    /** The default follow-up of most decisions, and the short one of a risk escalation. */
    public static final int FOLLOW_UP_WEEKS = 4;
    public static final int RISK_FOLLOW_UP_DAYS = 7;

    DecisionService(CurrentActor currentActor, Cases cases, Decisions decisions, Referrals referrals,
            ProgressSnapshots snapshots, CaseTrajectories trajectories, UserAccounts accounts, CaseProgressUpdater progress,
            FollowUpReviews reviews, PracticeOverview overview, Credentials credentials, CredentialPolicies policies,
            MeetingService meetings, AuditRecorder audit, Notifications notifications, Clock clock, RiskAlerts riskAlerts) {
        this.notifications = notifications;
        this.currentActor = currentActor;
        this.cases = cases;
        this.decisions = decisions;
        this.referrals = referrals;
        this.snapshots = snapshots;
        this.trajectories = trajectories;
        this.accounts = accounts;
        this.progress = progress;
        this.reviews = reviews;
        this.overview = overview;
        this.credentials = credentials;
        this.policies = policies;
        this.meetings = meetings;
        this.audit = audit;
        this.clock = clock;
        this.riskAlerts = riskAlerts;
    }

    /** The practice's today, for the dates a form offers. */
    @PermitAll
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * A colleague a case could be referred to: their open cases and credential status, and what stops
     * them taking new cases (licence or insurance not in force), if anything.
     */
    public record Colleague(String displayName, String username, int openCases, ComplianceStatus status,
            List<RequirementStatus> blocking) {

        public boolean mayTakeNewCases() {
            return blocking.isEmpty();
        }
    }

    /** Who the case may be referred to, and who is left out because they cannot take new cases now. */
    public record Colleagues(List<Colleague> offered, List<Colleague> notOffered) {
    }

    /**
     * Everyone who carries a caseload, other than the case's own therapist, with their caseload and
     * credentials: those who may take new cases are offered, the others listed with why not.
     */
    @RolesAllowed("SUPERVISOR")
    public Colleagues colleaguesFor(long caseNumber) {
        var theCase = decidableCase(caseNumber);
        var all = overview.therapists(LocalDate.now(clock)).stream()
                .filter(row -> row.therapistId() != theCase.therapist().value())
                .map(row -> new Colleague(row.displayName(), row.username(), row.openCases(), row.compliance().overall(),
                        row.compliance().missingForNewCases()))
                .collect(Collectors.partitioningBy(Colleague::mayTakeNewCases));
        return new Colleagues(all.get(true), all.get(false));
    }

    @RolesAllowed("SUPERVISOR")
    public long record(long caseNumber, DecisionEntry entry) {
        return record(caseNumber, entry, null);
    }

    /** Records a decision made in a review meeting of the signed-in supervisor; it becomes part of the minutes. */
    @RolesAllowed("SUPERVISOR")
    public long record(long caseNumber, DecisionEntry entry, @Nullable MeetingId meeting) {
        return recordOn(decidableCase(caseNumber), entry, meeting);
    }

    /**
     * Answers the case's open risk alerts with a decision that reviews or escalates the risk: the
     * case's own therapist may record it as well as a supervisor of theirs, whoever sees it first.
     */
    @RolesAllowed({"THERAPIST", "SUPERVISOR"})
    public long answerRisk(long caseNumber, DecisionEntry entry) {
        if (entry.type() == null || !entry.type().answersRisk()) {
            throw new InvalidEntryException(Map.of("type", "Choose whether the risk was reviewed or is escalated."));
        }
        var actor = currentActor.actor();
        var theCase = caseNumber > 0 ? cases.find(new CaseId(caseNumber)).orElse(null) : null;
        if (theCase == null || !AccessPolicy.mayReadCase(actor, theCase)) {
            audit.refused("decision.record", theCase == null ? null : theCase.id(), "case " + caseNumber);
            throw new CaseNotFoundException(caseNumber);
        }
        if (!AccessPolicy.mayAnswerRisk(actor, theCase)) {
            audit.refused("decision.record", theCase.id(), null);
            throw new AccessDeniedException("Only the case's therapist or a supervisor of theirs answers its risk alerts");
        }
        return recordOn(theCase, entry, null);
    }

    private long recordOn(TherapyCase theCase, DecisionEntry entry, @Nullable MeetingId meeting) {
        var caseId = Objects.requireNonNull(theCase.id());
        if (meeting != null) {
            meetingUnderWay(meeting, caseId);
        }
        var snapshot = snapshots.latest(caseId);
        var primary = theCase.primaryMeasure().code().value();
        var latestScore = trajectories.of(caseId).stream().filter(point -> point.measureCode().equals(primary))
                .reduce((first, second) -> second).map(point -> point.score()).orElse(null);
        return store(theCase, entry, meeting, snapshot.map(s -> s.status()).orElse(CaseStatus.INSUFFICIENT_DATA),
                latestScore, null);
    }

    /** A decision joins the minutes of one of the supervisor's meetings from its day on, for a case on its agenda. */
    private void meetingUnderWay(MeetingId meetingId, CaseId caseId) {
        var meeting = meetings.myMeeting(meetingId.value());
        if (meeting.indexOf(caseId) < 0) {
            throw new InvalidEntryException(Map.of("meeting", "Meeting: the case is not on this meeting's agenda."));
        }
        if (!meeting.mayRunOn(LocalDate.now(clock))) {
            throw new InvalidEntryException(Map.of("meeting", "Meeting: it is on " + Labels.longDate(meeting.date())
                    + "; decisions join its minutes from that day."));
        }
    }

    /**
     * Corrects a recorded decision with a new one that supersedes it; the original stays in the log
     * as it was, and the correction keeps the status and score the case had when first decided.
     */
    @RolesAllowed("SUPERVISOR")
    public long correct(long decisionNumber, DecisionEntry entry) {
        var original = correctable(decisionNumber);
        var theCase = decidableCase(original.caseId().value());
        return store(theCase, entry, original.meeting(), original.statusAtDecision(), original.primaryScoreAtDecision(),
                original.id());
    }

    /**
     * The decision to correct, as the form shows it filled in: a correction starts from what was
     * recorded. A follow-up date already past becomes the default one from today.
     *
     * @param fromApproach the approach a change of approach moved from, else the case's approach now
     */
    public record Correction(DecisionEntry entry, String fromApproach) {
    }

    @RolesAllowed("SUPERVISOR")
    public Correction correctionOf(long decisionNumber) {
        var original = correctable(decisionNumber);
        var theCase = decidableCase(original.caseId().value());
        var details = original.details();
        var today = LocalDate.now(clock);
        var followUp = original.followUpOn().isAfter(today) ? original.followUpOn() : today.plusWeeks(FOLLOW_UP_WEEKS);
        var entry = new DecisionEntry(original.type(),
                details instanceof DecisionDetails.ChangeApproach change ? change.to().name() : null,
                details instanceof DecisionDetails.ReferToColleague refer
                        ? accounts.find(refer.colleague()).map(account -> account.username().value()).orElse(null) : null,
                detail(details), original.rationale(), original.reasons(), followUp);
        return new Correction(entry, fromApproach(theCase, original));
    }

    /** What was saved, for the confirmation: the decision and how many open follow-ups it answered. */
    public record Saved(Decision decision, String colleague, int followUpsAnswered) {
    }

    @RolesAllowed("SUPERVISOR")
    public Saved saved(long decisionNumber) {
        var decision = decisions.find(new DecisionId(decisionNumber))
                .orElseThrow(() -> new CaseNotFoundException(decisionNumber));
        decidableCase(decision.caseId().value());
        var answered = (int) reviews.latestOnCase(decision.caseId()).values().stream()
                .filter(review -> decision.id().equals(review.answeredBy())).count();
        return new Saved(decision, colleagueName(decision), answered);
    }

    /**
     * What the case page shows of its decisions beyond the decisions: the names of colleagues they
     * refer to, each follow-up's latest review, and each referral with its answer.
     */
    public record CaseDecisions(Map<UserId, String> names, Map<DecisionId, FollowUpReview> reviews,
            Map<DecisionId, Referral> referrals, ZoneId zone) {

        public String nameOf(UserId person) {
            return names.getOrDefault(person, "");
        }

        /** The practice's day the colleague answered the referral. */
        public LocalDate answeredOn(Referral referral) {
            return LocalDate.ofInstant(Objects.requireNonNull(referral.answeredAt()), zone);
        }
    }

    /** For the case's therapist, their supervisors, and a clinician under break-glass access to it. */
    @RolesAllowed({"THERAPIST", "SUPERVISOR"})
    public CaseDecisions onCasePage(long caseNumber) {
        var actor = currentActor.actor();
        var theCase = caseNumber > 0 ? cases.find(new CaseId(caseNumber)).orElse(null) : null;
        var emergency = theCase == null || AccessPolicy.mayReadCase(actor, theCase) || !AccessPolicy.mayBreakGlass(actor)
                ? Optional.<String>empty() : audit.breakGlassReason(Objects.requireNonNull(theCase.id()));
        if (theCase == null || !AccessPolicy.mayReadCase(actor, theCase) && emergency.isEmpty()) {
            audit.refused("decision.read", theCase == null ? null : theCase.id(), "case " + caseNumber);
            throw new CaseNotFoundException(caseNumber);
        }
        var caseId = Objects.requireNonNull(theCase.id());
        var onCase = decisions.onCase(caseId);
        var referred = referrals.ofDecisions(onCase.stream().map(Decision::id).filter(Objects::nonNull).toList());
        var people = referred.values().stream().map(Referral::to).collect(Collectors.toSet());
        if (emergency.isPresent()) {
            audit.breakGlass("decision.read", caseId, emergency.get());
        } else {
            audit.allowed("decision.read", caseId, onCase.size() + " decisions");
        }
        return new CaseDecisions(names(people), reviews.latestOnCase(caseId), referred, clock.getZone());
    }

    private Decision correctable(long decisionNumber) {
        return (decisionNumber > 0 ? decisions.find(new DecisionId(decisionNumber)) : Optional.<Decision>empty())
                .orElseThrow(() -> new CaseNotFoundException(decisionNumber));
    }

    private static String fromApproach(TherapyCase theCase, Decision original) {
        return original.details() instanceof DecisionDetails.ChangeApproach change ? change.from().name()
                : theCase.approach().name();
    }

    private static @Nullable String detail(DecisionDetails details) {
        return switch (details) {
            case DecisionDetails.ReferExternally refer -> refer.service();
            case DecisionDetails.ChangeFrequency change -> change.newFrequency();
            case DecisionDetails.AddAssessment add -> add.assessment();
            case DecisionDetails.EscalateRisk risk -> risk.action();
            default -> null;
        };
    }

    private String colleagueName(Decision decision) {
        return decision.details() instanceof DecisionDetails.ReferToColleague refer
                ? accounts.find(refer.colleague()).map(UserAccount::displayName).orElse("") : "";
    }

    /** The display names of a few people, one look-up each: never every account of the practice. */
    private Map<UserId, String> names(Collection<UserId> people) {
        var names = new HashMap<UserId, String>();
        for (var person : Set.copyOf(people)) {
            accounts.find(person).ifPresent(account -> names.put(person, account.displayName()));
        }
        return names;
    }

    private long store(TherapyCase theCase, DecisionEntry entry, @Nullable MeetingId meeting, CaseStatus statusAtDecision,
            @Nullable Double scoreAtDecision, @Nullable DecisionId supersedes) {
        var actor = currentActor.actor();
        var caseId = Objects.requireNonNull(theCase.id());
        var from = supersedes == null ? theCase.approach()
                : new Approach(fromApproach(theCase, decisions.find(supersedes).orElseThrow()));
        var details = validDetails(theCase, from, entry);
        Decision recorded;
        try {
            recorded = decisions.record(new Decision(null, caseId, meeting, details,
                    Objects.requireNonNullElse(entry.rationale(), ""), entry.reasons(), theCase.therapist(),
                    Objects.requireNonNull(entry.followUpOn()), actor.id(), clock.instant(), LocalDate.now(clock),
                    statusAtDecision, scoreAtDecision, supersedes));
        } catch (IllegalArgumentException refused) {
            throw new InvalidEntryException(Map.of(fieldOf(refused.getMessage()), refused.getMessage() + "."));
        }
        switch (details) {
            case DecisionDetails.ChangeApproach change -> cases.save(theCase.changeApproach(change.to()));
            case DecisionDetails.ReferToColleague refer -> notifications.referralWaiting(referrals.save(Referral.propose(
                    Objects.requireNonNull(recorded.id()), caseId, theCase.therapist(), refer.colleague())),
                    theCase.client().value(), accounts.find(theCase.therapist()).map(UserAccount::displayName).orElse(""));
            default -> {
            }
        }
        var answered = reviews.answerOpenFollowUps(recorded);
        var risksAnswered = details.type().answersRisk() ? riskAlerts.answerWith(Objects.requireNonNull(recorded.id()),
                clock.instant()) : 0;
        progress.recompute(caseId, AssessmentCause.DECISION);
        audit.allowed(supersedes == null ? "decision.record" : "decision.correct", caseId,
                "decision " + Objects.requireNonNull(recorded.id()).value()
                        + (answered.isEmpty() ? "" : ", answers " + answered.size() + " follow-ups")
                        + (risksAnswered == 0 ? "" : ", answers " + risksAnswered + " risk alerts"));
        return recorded.id().value();
    }

    private static String fieldOf(String message) {
        if (message.contains("rationale")) {
            return "rationale";
        }
        if (message.contains("reason")) {
            return "reasons";
        }
        return "followUpOn";
    }

    private DecisionDetails validDetails(TherapyCase theCase, Approach from, DecisionEntry entry) {
        var errors = new LinkedHashMap<String, String>();
        if (entry.type() == null) {
            errors.put("type", "Choose what was decided.");
        }
        if (entry.rationale() == null || entry.rationale().isBlank()) {
            errors.put("rationale", "Say why: the rationale is part of the record.");
        } else if (entry.rationale().length() > Decision.MAX_RATIONALE) {
            errors.put("rationale", "The rationale is at most " + Decision.MAX_RATIONALE + " characters.");
        }
        if (entry.reasons().isEmpty()) {
            errors.put("reasons", "Choose at least one reason the decision answers.");
        }
        var today = LocalDate.now(clock);
        if (entry.followUpOn() == null || !entry.followUpOn().isAfter(today) || entry.followUpOn().isAfter(today.plusYears(1))) {
            errors.put("followUpOn", "Choose a follow-up date after today and within a year.");
        }
        DecisionDetails details = null;
        if (entry.type() != null) {
            try {
                details = switch (entry.type()) {
                    case CONTINUE -> new DecisionDetails.ContinuePlan();
                    case CHANGE_APPROACH -> new DecisionDetails.ChangeApproach(from,
                            new Approach(Objects.requireNonNullElse(entry.newApproach(), "")));
                    case REFER_TO_COLLEAGUE -> new DecisionDetails.ReferToColleague(colleague(theCase, entry.colleague()));
                    case REFER_EXTERNALLY -> new DecisionDetails.ReferExternally(Objects.requireNonNullElse(entry.detail(), ""));
                    case CHANGE_FREQUENCY -> new DecisionDetails.ChangeFrequency(Objects.requireNonNullElse(entry.detail(), ""));
                    case ADD_ASSESSMENT -> new DecisionDetails.AddAssessment(Objects.requireNonNullElse(entry.detail(), ""));
                    case PLANNED_ENDING -> new DecisionDetails.PlannedEnding();
                    case ESCALATE_RISK -> new DecisionDetails.EscalateRisk(Objects.requireNonNullElse(entry.detail(), ""));
                    case RISK_REVIEWED -> new DecisionDetails.RiskReviewed();
                };
            } catch (IllegalArgumentException refused) {
                var field = switch (entry.type()) {
                    case CHANGE_APPROACH -> "newApproach";
                    case REFER_TO_COLLEAGUE -> "colleague";
                    default -> "detail";
                };
                errors.put(field, refused.getMessage() + ".");
            }
        }
        if (!errors.isEmpty() || details == null) {
            throw new InvalidEntryException(errors);
        }
        return details;
    }

    private UserId colleague(TherapyCase theCase, @Nullable String username) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("Choose the colleague the case is referred to");
        }
        var colleague = accounts.findByUsername(Username.typed(username))
                .filter(account -> account.hasRole(Role.THERAPIST) && account.enabled())
                .filter(account -> !account.id().equals(theCase.therapist()))
                .orElseThrow(() -> new IllegalArgumentException("Refer to another therapist of the practice"));
        var compliance = TherapistCompliance.assess(colleague.id(), credentials.of(colleague.id()),
                credentials.cpdOf(colleague.id()), policies.current().value(), LocalDate.now(clock));
        if (!compliance.mayTakeNewCases()) {
            throw new IllegalArgumentException(colleague.displayName() + " cannot take new cases now ("
                    + compliance.missingForNewCases().stream().map(DecisionService::blocking).collect(Collectors.joining(", "))
                    + "); choose a colleague the list offers");
        }
        return colleague.id();
    }

    private static String blocking(RequirementStatus requirement) {
        var what = requirement.type().name().toLowerCase(Locale.ROOT) + " "
                + requirement.status().name().toLowerCase(Locale.ROOT);
        return requirement.validTo() == null ? what : what + " on " + requirement.validTo();
    }

    private TherapyCase decidableCase(long caseNumber) {
        var actor = currentActor.actor();
        var theCase = caseNumber > 0 ? cases.find(new CaseId(caseNumber)).orElse(null) : null;
        if (theCase == null || !AccessPolicy.mayReadCase(actor, theCase)) {
            audit.refused("decision.record", theCase == null ? null : theCase.id(), "case " + caseNumber);
            throw new CaseNotFoundException(caseNumber);
        }
        if (!AccessPolicy.mayDecideOnCase(actor, theCase)) {
            audit.refused("decision.record", theCase.id(), null);
            throw new AccessDeniedException("Only a supervisor of the case's therapist records decisions on it");
        }
        return theCase;
    }
}
