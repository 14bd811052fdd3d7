package org.unstuck.web.caseload;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.access.AccessPolicy;
import org.unstuck.domain.access.Actor;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.persistence.audit.AuditEntry;
import org.unstuck.persistence.audit.AuditLog;
import org.unstuck.persistence.audit.AuditQuery;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.common.CaseNotFoundException;
import org.unstuck.web.security.CurrentActor;

/**
 * Who opened, changed or tried to reach a case, and when, for those who may see the case page:
 * from the audit trail, never its clinical content. Looking at it is audited like reading the case.
 */
@Service
@Transactional
public class CaseAccessHistory {

    private final CurrentActor currentActor;
    private final Cases cases;
    private final AuditLog log;
    private final AuditRecorder audit;
    private final Clock clock;

    CaseAccessHistory(CurrentActor currentActor, Cases cases, AuditLog log, AuditRecorder audit, Clock clock) {
        this.clock = clock;
        this.currentActor = currentActor;
        this.cases = cases;
        this.log = log;
        this.audit = audit;
    }

    /** The case's client code, once its access history is opened; the opening is audited. */
    @RolesAllowed({"THERAPIST", "SUPERVISOR"})
    public String open(long caseNumber) {
        var actor = currentActor.actor();
        var theCase = readable(actor, caseNumber);
        var caseId = Objects.requireNonNull(theCase.id());
        var emergency = emergencyReason(actor, theCase);
        if (emergency.isPresent()) {
            audit.breakGlass("case.access-history", caseId, emergency.get());
        } else {
            audit.allowed("case.access-history", caseId, null);
        }
        return theCase.client().value();
    }

    /** A page of the case's audit entries, newest first. */
    @RolesAllowed({"THERAPIST", "SUPERVISOR"})
    @Transactional(readOnly = true)
    public List<AuditEntry> entries(long caseNumber, int offset, int limit) {
        readable(currentActor.actor(), caseNumber);
        return log.entries(AuditQuery.aboutCase(caseNumber), offset, limit);
    }

    @RolesAllowed({"THERAPIST", "SUPERVISOR"})
    @Transactional(readOnly = true)
    public int count(long caseNumber) {
        readable(currentActor.actor(), caseNumber);
        return log.count(AuditQuery.aboutCase(caseNumber));
    }

    /** The practice's time zone, in which the entries' times are shown. */
    @RolesAllowed({"THERAPIST", "SUPERVISOR"})
    @Transactional(readOnly = true)
    public ZoneId zone() {
        return clock.getZone();
    }

    /** As for the case page: its therapist, their supervisors, and a clinician while their break-glass access lasts. */
    private TherapyCase readable(Actor actor, long caseNumber) {
        var theCase = caseNumber > 0 ? cases.find(new CaseId(caseNumber)).orElse(null) : null;
        if (theCase == null || !AccessPolicy.mayReadCase(actor, theCase) && emergencyReason(actor, theCase).isEmpty()) {
            audit.refused("case.access-history", theCase == null ? null : theCase.id(), "case " + caseNumber);
            throw new CaseNotFoundException(caseNumber);
        }
        return theCase;
    }

    private Optional<String> emergencyReason(Actor actor, TherapyCase theCase) {
        if (AccessPolicy.mayReadCase(actor, theCase) || !AccessPolicy.mayBreakGlass(actor)) {
            return Optional.empty();
        }
        return audit.breakGlassReason(Objects.requireNonNull(theCase.id()));
    }
}
