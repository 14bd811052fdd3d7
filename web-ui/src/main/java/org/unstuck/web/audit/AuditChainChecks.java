package org.unstuck.web.audit;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.unstuck.domain.audit.AuditTrail;
import org.unstuck.persistence.audit.AuditChainCheck;
import org.unstuck.persistence.audit.JdbcAuditChainChecks;

/**
 * Checks the audit chain against its key and its exported heads, every night and when an admin
 * asks; each check is stored, and its head exported for the next one.
 */
@Service
public class AuditChainChecks {

    public static final String JOB = "audit-chain-check";
    /** After the nightly re-assessment, whose entries it then covers. */
    public static final LocalTime NIGHTLY_AT = LocalTime.of(0, 30);
    static final int CHECKS_SHOWN = 5;

    private static final Logger LOG = LoggerFactory.getLogger(AuditChainChecks.class);

    private final AuditTrail trail;
    private final JdbcAuditChainChecks checks;
    private final AuditChainHeads heads;
    private final AuditRecorder audit;
    private final Clock clock;

    AuditChainChecks(AuditTrail trail, JdbcAuditChainChecks checks, AuditChainHeads heads, AuditRecorder audit, Clock clock) {
        this.trail = trail;
        this.checks = checks;
        this.heads = heads;
        this.audit = audit;
        this.clock = clock;
    }

    @RolesAllowed("ADMIN")
    public AuditChainCheck checkNow() {
        var check = check(SecurityContextHolder.getContext().getAuthentication().getName());
        audit.allowed("audit.verify", null, null, check.firstBreak()
                .map(found -> "broken at entry " + found.entry() + " (" + found.problem() + ")")
                .orElse("intact, " + check.verification().entriesChecked() + " entries"));
        return check;
    }

    public AuditChainCheck nightly() {
        return check(null);
    }

    /**
     * On a start with no head exported yet, an entry saying so is written and the chain's head
     * exported at once, so that the entries from before the first check, and the key's use from the
     * first entry on, cannot be rewritten unnoticed either.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void anchorOnFirstStart() {
        if (heads.exported().isEmpty()) {
            audit.allowed("audit.anchor", null, null, "no head exported yet: the head is written out on this start");
            var anchor = new AuditChainCheck(clock.instant().truncatedTo(ChronoUnit.MICROS), null, trail.verify(List.of()));
            heads.export(anchor);
            LOG.info("No audit chain head was exported yet: exported the head at entry {}",
                    anchor.verification().head().sequence());
        }
    }

    @RolesAllowed("ADMIN")
    public List<AuditChainCheck> latest() {
        return checks.latest(CHECKS_SHOWN);
    }

    @RolesAllowed("ADMIN")
    public ZoneId zone() {
        return clock.getZone();
    }

    private AuditChainCheck check(@Nullable String requestedBy) {
        var check = new AuditChainCheck(clock.instant().truncatedTo(ChronoUnit.MICROS), requestedBy, trail.verify(heads.exported()));
        checks.record(check);
        heads.export(check);
        check.firstBreak().ifPresentOrElse(
                found -> LOG.error("The audit chain is broken at entry {}: {}", found.entry(), found.problem()),
                () -> LOG.info("The audit chain is intact: {} entries, {} exported heads compared",
                        check.verification().entriesChecked(), check.verification().anchorsChecked()));
        return check;
    }
}
