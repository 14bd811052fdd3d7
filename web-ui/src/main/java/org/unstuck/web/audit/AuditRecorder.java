package org.unstuck.web.audit;

import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.unstuck.domain.access.EmergencyAccess;
import org.unstuck.domain.audit.AuditEvent;
import org.unstuck.domain.audit.AuditEvent.Outcome;
import org.unstuck.domain.audit.AuditTrail;
import org.unstuck.domain.caseload.CaseId;

/** Writes what the signed-in person did, or was refused, to the audit trail, in the caller's transaction. */
@Component
public class AuditRecorder {

    private final AuditTrail trail;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    private static final int ADDRESS_SHOWN = 80;

    AuditRecorder(AuditTrail trail, Clock clock, PlatformTransactionManager transactions) {
        this.trail = trail;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void allowed(String action, @Nullable CaseId caseId, @Nullable String subject) {
        record(action, caseId, subject, Outcome.ALLOWED, null);
    }

    /** With a detail of what was done, such as an imported file's size and checksum; never clinical values. */
    public void allowed(String action, @Nullable CaseId caseId, @Nullable String subject, String detail) {
        record(action, caseId, subject, Outcome.ALLOWED, detail);
    }

    /** Committed on its own, so the refusal stays in the trail when the caller's work is rolled back. */
    public void refused(String action, @Nullable CaseId caseId, @Nullable String subject) {
        ownTransaction.executeWithoutResult(status -> record(action, caseId, subject, Outcome.REFUSED, null));
    }

    /** A refusal with a detail of what was refused; committed on its own. */
    public void refused(String action, @Nullable CaseId caseId, @Nullable String subject, String detail) {
        ownTransaction.executeWithoutResult(status -> record(action, caseId, subject, Outcome.REFUSED, detail));
    }

    /**
     * A refused address that names nothing, such as a case number that is not a number: kept short,
     * with every control character shown as "?".
     */
    public void refusedAddress(String action, String address) {
        var printable = new StringBuilder();
        address.codePoints().limit(ADDRESS_SHOWN).forEach(point -> printable.appendCodePoint(
                Character.isISOControl(point) || !Character.isDefined(point) ? '?' : point));
        refused(action, null, "address " + printable);
    }

    /** Access outside the actor's scope, granted for the stated reason and flagged as such. */
    public void breakGlass(String action, CaseId caseId, String reason) {
        record(action, caseId, null, Outcome.BREAK_GLASS, reason);
    }

    /** The reason of the signed-in person's break-glass access to the case, while it lasts. */
    public Optional<String> breakGlassReason(CaseId caseId) {
        return trail.breakGlassReason(actor(), caseId, clock.instant().minus(EmergencyAccess.LASTS));
    }

    private void record(String action, @Nullable CaseId caseId, @Nullable String subject, Outcome outcome,
            @Nullable String detail) {
        trail.record(new AuditEvent(clock.instant(), actor(), action, caseId, subject, outcome, detail));
    }

    private static String actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }
}
