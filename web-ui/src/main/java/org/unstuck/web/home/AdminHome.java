package org.unstuck.web.home;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.persistence.audit.AuditLog;
import org.unstuck.persistence.audit.SignInTrouble;
import org.unstuck.persistence.notification.JdbcMail;
import org.unstuck.web.jobs.JobsService;
import org.unstuck.web.jobs.JobsService.JobOverview;
import org.unstuck.web.notification.Mailer;
import org.unstuck.web.practice.AccountChanges;
import org.unstuck.web.practice.AccountChanges.ChangeRow;
import org.unstuck.web.practice.PracticeDirectory;
import org.unstuck.web.practice.SecondFactorStanding;

/**
 * What needs the admin now: how the scheduled jobs last ran, whether e-mail goes out, the sign-in
 * trouble of the last day, and the accounts that sign in without a second factor (the audit chain's panel reads its own checks).
 */
@Service
public class AdminHome {

    static final Duration SIGN_IN_WINDOW = Duration.ofHours(24);

    /**
     * @param exemptFromSecondFactor usernames that sign in with their password alone, alphabetically
     * @param approvals the account changes waiting for a second person
     * @param mail the e-mail queue, or none when no SMTP server is set and e-mail is off
     */
    public record Contents(List<JobOverview> jobs, SignInTrouble signIns, List<String> exemptFromSecondFactor, ZoneId zone,
            List<ChangeRow> approvals, JdbcMail.@Nullable Outbox mail) {

        public Contents {
            jobs = List.copyOf(jobs);
            exemptFromSecondFactor = List.copyOf(exemptFromSecondFactor);
            approvals = List.copyOf(approvals);
        }
    }

    private final JobsService jobs;
    private final AuditLog auditLog;
    private final PracticeDirectory directory;
    private final AccountChanges changes;
    private final Clock clock;
    private final Mailer mailer;

    AdminHome(JobsService jobs, AuditLog auditLog, PracticeDirectory directory, AccountChanges changes, Clock clock,
            Mailer mailer) {
        this.mailer = mailer;
        this.changes = changes;
        this.jobs = jobs;
        this.auditLog = auditLog;
        this.directory = directory;
        this.clock = clock;
    }

    @RolesAllowed("ADMIN")
    @Transactional(readOnly = true)
    public Contents read() {
        var exempt = directory.secondFactors().entrySet().stream()
                .filter(standing -> standing.getValue() == SecondFactorStanding.EXEMPT)
                .map(standing -> standing.getKey())
                .sorted()
                .toList();
        return new Contents(jobs.jobs(), auditLog.signInTrouble(clock.instant().minus(SIGN_IN_WINDOW)), exempt, clock.getZone(),
                changes.pending(), mailer.outbox());
    }
}
