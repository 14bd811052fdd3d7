package org.unstuck.web.review;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.progress.AssessmentCause;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.credential.CredentialPolicies;
import org.unstuck.domain.credential.Credentials;
import org.unstuck.domain.credential.TherapistCompliance;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.review.Decisions;
import org.unstuck.domain.review.Referral;
import org.unstuck.domain.review.Referrals;
import org.unstuck.persistence.progress.CaseProgressUpdater;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.common.CaseNotFoundException;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.security.CurrentActor;

/**
 * A colleague's answer to a referral. Accepting moves the case, with its whole history, to them;
 * it is refused when their licence or insurance is not valid. Declining says why, and the reason
 * reaches the supervisor who referred: the referring decision is due for follow-up again.
 */
@Service
@Transactional
public class ReferralService {

    /** As long as the schema keeps it. */
    static final int MAX_DECLINE_REASON = 300;

    private final CurrentActor currentActor;
    private final Referrals referrals;
    private final Decisions decisions;
    private final Cases cases;
    private final UserAccounts accounts;
    private final Credentials credentials;
    private final CredentialPolicies policies;
    private final CaseProgressUpdater progress;
    private final AuditRecorder audit;
    private final Clock clock;

    ReferralService(CurrentActor currentActor, Referrals referrals, Decisions decisions, Cases cases, UserAccounts accounts,
            Credentials credentials, CredentialPolicies policies, CaseProgressUpdater progress, AuditRecorder audit,
            Clock clock) {
        this.currentActor = currentActor;
        this.referrals = referrals;
        this.decisions = decisions;
        this.cases = cases;
        this.accounts = accounts;
        this.credentials = credentials;
        this.policies = policies;
        this.progress = progress;
        this.audit = audit;
        this.clock = clock;
    }

    /** Referrals waiting for the signed-in therapist. */
    @RolesAllowed("THERAPIST")
    @Transactional
    public List<ReferralRow> waitingForMe() {
        var me = currentActor.actor().id();
        var names = accounts.displayNames();
        return referrals.proposedTo(me).stream().map(referral -> {
            var theCase = cases.find(referral.caseId()).orElseThrow();
            audit.allowed("referral.read", referral.caseId(), "referral " + referral.id());
            var from = names.getOrDefault(referral.from(), "");
            var rationale = decisions.find(referral.decision()).map(decision -> decision.rationale()).orElse("");
            return new ReferralRow(Objects.requireNonNull(referral.id()), referral.caseId().value(), theCase.client().value(),
                    theCase.presentingProblem(), from, rationale);
        }).toList();
    }

    @RolesAllowed("THERAPIST")
    public void accept(long referralId) {
        var referral = mine(referralId);
        var me = currentActor.actor().id();
        var today = LocalDate.now(clock);
        var theCase = cases.find(referral.caseId()).orElseThrow();
        var compliance = TherapistCompliance.assess(me, credentials.of(me), credentials.cpdOf(me), policies.current().value(),
                today);
        cases.save(theCase.transferTo(me, today, "Referral accepted", compliance));
        referrals.save(referral.accept(me, clock.instant()));
        progress.recompute(referral.caseId(), AssessmentCause.REFERRAL);
        audit.allowed("referral.accept", referral.caseId(), "referral " + referralId);
    }

    @RolesAllowed("THERAPIST")
    public void decline(long referralId, String reason) {
        var referral = mine(referralId);
        if (reason.isBlank()) {
            throw new InvalidEntryException(Map.of("reason", "Say why you decline, so the supervisor can decide again."));
        }
        if (reason.strip().length() > MAX_DECLINE_REASON) {
            throw new InvalidEntryException(Map.of("reason", "The reason is at most " + MAX_DECLINE_REASON + " characters."));
        }
        referrals.save(referral.decline(currentActor.actor().id(), reason, clock.instant()));
        audit.allowed("referral.decline", referral.caseId(), "referral " + referralId);
    }

    private Referral mine(long referralId) {
        var me = currentActor.actor().id();
        var referral = referrals.find(referralId).filter(found -> found.to().equals(me)).orElse(null);
        if (referral == null) {
            audit.refused("referral.answer", null, "referral " + referralId);
            throw new CaseNotFoundException(referralId);
        }
        return referral;
    }
}
