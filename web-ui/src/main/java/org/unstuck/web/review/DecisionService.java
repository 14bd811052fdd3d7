package org.unstuck.web.review;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.progress.AssessmentCause;
import org.unstuck.domain.access.AccessPolicy;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.practice.Username;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.ProgressSnapshots;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.DecisionId;
import org.unstuck.domain.review.Decisions;
import org.unstuck.domain.review.MeetingId;
import org.unstuck.domain.review.Referral;
import org.unstuck.domain.review.Referrals;
import org.unstuck.persistence.board.CaseTrajectories;
import org.unstuck.persistence.progress.CaseProgressUpdater;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.common.CaseNotFoundException;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.practice.PersonRow;
import org.unstuck.web.security.CurrentActor;

/**
 * Recording supervision decisions. Only a supervisor of the case's therapist decides; every
 * decision is kept as recorded, with the case's status and score at that moment. A change of
 * approach takes effect on the case at once; a referral to a colleague waits for their answer.
 */
@Service
@Transactional
public class DecisionService {

    private final CurrentActor currentActor;
    private final Cases cases;
    private final Decisions decisions;
    private final Referrals referrals;
    private final ProgressSnapshots snapshots;
    private final CaseTrajectories trajectories;
    private final UserAccounts accounts;
    private final CaseProgressUpdater progress;
    private final AuditRecorder audit;
    private final Clock clock;

    DecisionService(CurrentActor currentActor, Cases cases, Decisions decisions, Referrals referrals,
            ProgressSnapshots snapshots, CaseTrajectories trajectories, UserAccounts accounts, CaseProgressUpdater progress,
            AuditRecorder audit, Clock clock) {
        this.currentActor = currentActor;
        this.cases = cases;
        this.decisions = decisions;
        this.referrals = referrals;
        this.snapshots = snapshots;
        this.trajectories = trajectories;
        this.accounts = accounts;
        this.progress = progress;
        this.audit = audit;
        this.clock = clock;
    }

    /** The practice's today, for the dates a form offers. */
    @PermitAll
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Everyone who carries a caseload, other than the case's own therapist: who a case can be referred to. */
    @RolesAllowed("SUPERVISOR")
    @Transactional(readOnly = true)
    public List<PersonRow> colleaguesFor(long caseNumber) {
        var theCase = decidableCase(caseNumber);
        return accounts.all().stream()
                .filter(account -> account.hasRole(Role.THERAPIST) && account.enabled()
                        && !theCase.therapist().equals(account.id()))
                .map(account -> new PersonRow(account.displayName(), account.username().value(), account.roles(), true,
                        List.of()))
                .toList();
    }

    @RolesAllowed("SUPERVISOR")
    public long record(long caseNumber, DecisionEntry entry) {
        return record(caseNumber, entry, null);
    }

    /** Records a decision made in a review meeting of the signed-in supervisor; it becomes part of the minutes. */
    @RolesAllowed("SUPERVISOR")
    public long record(long caseNumber, DecisionEntry entry, @Nullable MeetingId meeting) {
        var theCase = decidableCase(caseNumber);
        var caseId = Objects.requireNonNull(theCase.id());
        var snapshot = snapshots.latest(caseId);
        var primary = theCase.primaryMeasure().code().value();
        var latestScore = trajectories.of(caseId).stream().filter(point -> point.measureCode().equals(primary))
                .reduce((first, second) -> second).map(point -> point.score()).orElse(null);
        return store(theCase, entry, meeting, snapshot.map(s -> s.status()).orElse(CaseStatus.INSUFFICIENT_DATA),
                latestScore, null);
    }

    /**
     * Corrects a recorded decision with a new one that supersedes it; the original stays in the log
     * as it was, and the correction keeps the status and score the case had when first decided.
     */
    @RolesAllowed("SUPERVISOR")
    public long correct(long decisionNumber, DecisionEntry entry) {
        var original = decisions.find(new DecisionId(decisionNumber)).orElseThrow(
                () -> new CaseNotFoundException(decisionNumber));
        var theCase = decidableCase(original.caseId().value());
        return store(theCase, entry, original.meeting(), original.statusAtDecision(), original.primaryScoreAtDecision(),
                original.id());
    }

    private long store(TherapyCase theCase, DecisionEntry entry, @Nullable MeetingId meeting, CaseStatus statusAtDecision,
            @Nullable Double scoreAtDecision, @Nullable DecisionId supersedes) {
        var actor = currentActor.actor();
        var caseId = Objects.requireNonNull(theCase.id());
        var details = validDetails(theCase, entry);
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
            case DecisionDetails.ReferToColleague refer -> referrals.save(Referral.propose(
                    Objects.requireNonNull(recorded.id()), caseId, theCase.therapist(), refer.colleague()));
            default -> {
            }
        }
        progress.recompute(caseId, AssessmentCause.DECISION);
        audit.allowed(supersedes == null ? "decision.record" : "decision.correct", caseId,
                "decision " + Objects.requireNonNull(recorded.id()).value());
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

    private DecisionDetails validDetails(TherapyCase theCase, DecisionEntry entry) {
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
                    case CHANGE_APPROACH -> new DecisionDetails.ChangeApproach(theCase.approach(),
                            new Approach(Objects.requireNonNullElse(entry.newApproach(), "")));
                    case REFER_TO_COLLEAGUE -> new DecisionDetails.ReferToColleague(colleague(theCase, entry.colleague()));
                    case REFER_EXTERNALLY -> new DecisionDetails.ReferExternally(Objects.requireNonNullElse(entry.detail(), ""));
                    case CHANGE_FREQUENCY -> new DecisionDetails.ChangeFrequency(Objects.requireNonNullElse(entry.detail(), ""));
                    case ADD_ASSESSMENT -> new DecisionDetails.AddAssessment(Objects.requireNonNullElse(entry.detail(), ""));
                    case PLANNED_ENDING -> new DecisionDetails.PlannedEnding();
                    case ESCALATE_RISK -> new DecisionDetails.EscalateRisk(Objects.requireNonNullElse(entry.detail(), ""));
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
        return accounts.findByUsername(Username.typed(username))
                .filter(account -> account.hasRole(Role.THERAPIST) && account.enabled())
                .map(UserAccount::id)
                .filter(id -> !id.equals(theCase.therapist()))
                .orElseThrow(() -> new IllegalArgumentException("Refer to another therapist of the practice"));
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
