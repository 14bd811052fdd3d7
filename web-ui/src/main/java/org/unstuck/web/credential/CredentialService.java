package org.unstuck.web.credential;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.progress.AssessmentCause;
import org.unstuck.domain.Versioned;
import org.unstuck.domain.access.AccessPolicy;
import org.unstuck.domain.credential.ComplianceStatus;
import org.unstuck.domain.credential.CpdEntry;
import org.unstuck.domain.credential.Credential;
import org.unstuck.domain.credential.CredentialPolicies;
import org.unstuck.domain.credential.CredentialPolicy;
import org.unstuck.domain.credential.Credentials;
import org.unstuck.domain.credential.TherapistCompliance;
import org.unstuck.domain.credential.Verification;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.Username;
import org.unstuck.persistence.board.PracticeOverview;
import org.unstuck.persistence.board.TherapistOverviewRow;
import org.unstuck.persistence.progress.CaseProgressUpdater;
import org.unstuck.reports.credential.ComplianceReport;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.security.CurrentActor;

/**
 * Credentials use cases. The practice manager sees and manages everyone's; a therapist sees their
 * own and adds CPD; a supervisor reads their supervisees'. A change re-assesses the therapist's
 * open cases, whose readiness signal follows credential status.
 */
@Service
@Transactional
public class CredentialService {

    private final CurrentActor currentActor;
    private final Credentials credentials;
    private final CredentialPolicies policies;
    private final UserAccounts accounts;
    private final PracticeOverview overview;
    private final CaseProgressUpdater progress;
    private final AuditRecorder audit;
    private final Clock clock;

    CredentialService(CurrentActor currentActor, Credentials credentials, CredentialPolicies policies,
            UserAccounts accounts, PracticeOverview overview, CaseProgressUpdater progress, AuditRecorder audit, Clock clock) {
        this.currentActor = currentActor;
        this.credentials = credentials;
        this.policies = policies;
        this.accounts = accounts;
        this.overview = overview;
        this.progress = progress;
        this.audit = audit;
        this.clock = clock;
    }

    /** The practice's today, for the dates a form offers. */
    @PermitAll
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Every therapist with their caseload counts and credential statuses: no clinical data. */
    @RolesAllowed("PRACTICE_MANAGER")
    @Transactional(readOnly = true)
    public List<TherapistOverviewRow> board() {
        return overview.therapists(LocalDate.now(clock));
    }

    /** What the credentials board shows: rows with a given status, or ending within some days. */
    public record BoardFilter(@Nullable ComplianceStatus status, @Nullable Integer endingWithinDays) {

        boolean matches(TherapistOverviewRow row) {
            var compliance = row.compliance();
            var statusMatches = status == null || compliance.cpd().status() == status
                    || compliance.requirements().stream().anyMatch(requirement -> requirement.status() == status);
            var endingMatches = endingWithinDays == null || compliance.requirements().stream().anyMatch(requirement ->
                    requirement.status() == ComplianceStatus.EXPIRED
                            || requirement.daysLeft() != null && requirement.daysLeft() <= endingWithinDays);
            return statusMatches && endingMatches;
        }
    }

    /**
     * One page of the board, in the order asked. The statuses are worked out for the whole practice
     * in three queries, then paged: a practice has tens of therapists, not thousands.
     */
    @RolesAllowed("PRACTICE_MANAGER")
    @Transactional(readOnly = true)
    public List<TherapistOverviewRow> boardPage(BoardFilter filter, Comparator<TherapistOverviewRow> order, int offset,
            int limit) {
        return board().stream().filter(filter::matches).sorted(order).skip(offset).limit(limit).toList();
    }

    @RolesAllowed("PRACTICE_MANAGER")
    @Transactional(readOnly = true)
    public int boardSize(BoardFilter filter) {
        return (int) board().stream().filter(filter::matches).count();
    }

    /** The compliance report of every therapist as of today, for the PDF and CSV downloads. */
    @RolesAllowed("PRACTICE_MANAGER")
    @Transactional
    public ComplianceReport complianceReport() {
        var rows = board().stream()
                .map(row -> new ComplianceReport.Row(row.displayName(), row.openCases(), row.compliance()))
                .toList();
        audit.allowed("report.compliance", null, rows.size() + " therapists");
        return new ComplianceReport(LocalDate.now(clock), policies.current().value(), rows);
    }

    /** How many required credentials end within the policy's warning window, or have ended. */
    @RolesAllowed("PRACTICE_MANAGER")
    @Transactional(readOnly = true)
    public int needingAttention() {
        return (int) board().stream().flatMap(row -> row.compliance().requirements().stream())
                .filter(requirement -> requirement.status() != ComplianceStatus.VALID)
                .count();
    }

    @RolesAllowed({"PRACTICE_MANAGER", "THERAPIST", "SUPERVISOR"})
    @Transactional(readOnly = true)
    public TherapistCredentials of(String username) {
        var actor = currentActor.actor();
        var therapist = readable(username);
        var id = Objects.requireNonNull(therapist.id());
        var policy = policies.current().value();
        var all = credentials.of(id);
        var cpd = credentials.cpdOf(id);
        return new TherapistCredentials(therapist.username().value(), therapist.displayName(), all, cpd,
                TherapistCompliance.assess(id, all, cpd, policy, LocalDate.now(clock)), policy,
                AccessPolicy.mayManageCredentials(actor), AccessPolicy.mayAddCpd(actor, id));
    }

    @RolesAllowed("PRACTICE_MANAGER")
    public void add(String username, CredentialEntry entry) {
        var therapist = readable(username);
        var id = Objects.requireNonNull(therapist.id());
        var errors = new LinkedHashMap<String, String>();
        if (entry.type() == null) {
            errors.put("type", "Choose the kind of credential.");
        }
        if (entry.validFrom() == null) {
            errors.put("validFrom", "Enter the day it starts.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidEntryException(errors);
        }
        try {
            var stored = credentials.save(new Credential(null, 0, id, entry.type(), text(entry.title()), text(entry.number()),
                    text(entry.issuingBody()), text(entry.jurisdiction()), entry.validFrom(), entry.validTo(), null));
            audit.allowed("credential.add", null, "credential " + stored.id());
        } catch (IllegalArgumentException refused) {
            throw new InvalidEntryException(Map.of("credential", refused.getMessage() + "."));
        }
        progress.recomputeCasesOf(id, AssessmentCause.CREDENTIAL);
    }

    /** A renewal is a new credential on file, so the expired one stays in the history. */
    @RolesAllowed("PRACTICE_MANAGER")
    public void renew(String username, long credentialId, LocalDate newValidTo) {
        var therapist = readable(username);
        var existing = own(therapist, credentialId);
        try {
            var renewed = credentials.save(existing.renewedUntil(newValidTo));
            audit.allowed("credential.renew", null, "credential " + renewed.id());
        } catch (IllegalArgumentException refused) {
            throw new InvalidEntryException(Map.of("validTo", refused.getMessage() + "."));
        }
        progress.recomputeCasesOf(Objects.requireNonNull(therapist.id()), AssessmentCause.CREDENTIAL);
    }

    @RolesAllowed("PRACTICE_MANAGER")
    public void verify(String username, long credentialId, String evidence) {
        var therapist = readable(username);
        var existing = own(therapist, credentialId);
        try {
            credentials.save(existing.verified(new Verification(currentActor.actor().id(), clock.instant(), evidence.strip())));
            audit.allowed("credential.verify", null, "credential " + credentialId);
        } catch (IllegalArgumentException refused) {
            throw new InvalidEntryException(Map.of("evidence", refused.getMessage() + "."));
        }
    }

    @RolesAllowed({"PRACTICE_MANAGER", "THERAPIST"})
    public void addCpd(String username, LocalDate date, double hours, String topic) {
        var actor = currentActor.actor();
        var therapist = readable(username);
        var id = Objects.requireNonNull(therapist.id());
        if (!AccessPolicy.mayAddCpd(actor, id)) {
            throw new AccessDeniedException("A therapist adds their own CPD");
        }
        if (date == null || date.isAfter(LocalDate.now(clock))) {
            throw new InvalidEntryException(Map.of("date", "Enter the day of the CPD, today or earlier."));
        }
        try {
            credentials.addCpd(new CpdEntry(id, date, hours, topic.strip()));
        } catch (IllegalArgumentException refused) {
            throw new InvalidEntryException(Map.of("cpd", refused.getMessage() + "."));
        }
        audit.allowed("cpd.add", null, username);
        progress.recomputeCasesOf(id, AssessmentCause.CREDENTIAL);
    }

    @RolesAllowed({"PRACTICE_MANAGER", "ADMIN"})
    @Transactional(readOnly = true)
    public Versioned<CredentialPolicy> policy() {
        return policies.current();
    }

    /** Saves the policy and re-assesses every open case, since readiness signals follow it. */
    @RolesAllowed({"PRACTICE_MANAGER", "ADMIN"})
    public void savePolicy(CredentialPolicy policy, long editedFromVersion) {
        policies.save(policy, editedFromVersion);
        audit.allowed("credential-policy.save", null, null);
        progress.recomputeAllOpenCases(AssessmentCause.CREDENTIAL);
    }

    private UserAccount readable(String username) {
        var actor = currentActor.actor();
        UserAccount therapist;
        try {
            therapist = accounts.findByUsername(Username.typed(username)).filter(account -> account.hasRole(Role.THERAPIST))
                    .orElse(null);
        } catch (IllegalArgumentException notAUsername) {
            therapist = null;
        }
        if (therapist == null || !AccessPolicy.mayReadCredentials(actor, Objects.requireNonNull(therapist.id()))) {
            audit.refused("credential.read", null, "therapist " + username);
            throw new TherapistNotFoundException(username);
        }
        return therapist;
    }

    private Credential own(UserAccount therapist, long credentialId) {
        return credentials.of(Objects.requireNonNull(therapist.id())).stream()
                .filter(credential -> Objects.equals(credential.id(), credentialId))
                .findFirst()
                .orElseThrow(() -> new TherapistNotFoundException(therapist.username().value()));
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
