package org.unstuck.web.home;

import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.credential.ComplianceStatus;
import org.unstuck.domain.credential.CredentialType;
import org.unstuck.domain.credential.RequirementStatus;
import org.unstuck.persistence.board.TherapistOverviewRow;
import org.unstuck.web.credential.CredentialService;
import org.unstuck.web.practice.AccountChanges;
import org.unstuck.web.practice.AccountChanges.ChangeRow;

/**
 * What needs the practice manager now: credentials not in order, who cannot take new cases, and
 * each therapist's caseload counts. Read from the practice overview, which holds no clinical data.
 */
@Service
public class ManagerHome {

    /**
     * One requirement of one therapist that is not in order.
     *
     * @param type the credential, or none for CPD hours
     * @param startedOn the day the problem began (the day after a credential ended), where the record tells
     * @param endsOn the day an expiring credential ends
     * @param stopsNewCases whether it keeps the therapist from taking new cases
     */
    public record Problem(String therapist, String username, @Nullable CredentialType type, ComplianceStatus status,
            @Nullable LocalDate startedOn, @Nullable LocalDate endsOn, boolean stopsNewCases, double cpdHoursDone,
            double cpdHoursRequired) {
    }

    /**
     * @param problems every requirement not in order: those that stop new cases first, then the earliest begun,
     *     the soonest ending, and those the record gives no day for
     * @param caseloads every therapist's caseload counts, by name
     * @param approvals the account changes waiting for a second person
     */
    public record Contents(List<Problem> problems, List<TherapistOverviewRow> caseloads, int warningDays,
            List<ChangeRow> approvals) {
    }

    private final CredentialService credentials;
    private final AccountChanges changes;

    ManagerHome(CredentialService credentials, AccountChanges changes) {
        this.credentials = credentials;
        this.changes = changes;
    }

    @RolesAllowed("PRACTICE_MANAGER")
    @Transactional(readOnly = true)
    public Contents read() {
        var rows = credentials.board();
        var problems = rows.stream().flatMap(row -> problemsOf(row).stream())
                .sorted(Comparator.comparing(Problem::stopsNewCases).reversed()
                        .thenComparing(Problem::startedOn, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Problem::endsOn, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Problem::therapist))
                .toList();
        var caseloads = rows.stream().sorted(Comparator.comparing(TherapistOverviewRow::displayName)).toList();
        return new Contents(problems, caseloads, credentials.policy().value().warningDays(), changes.pending());
    }

    private static List<Problem> problemsOf(TherapistOverviewRow row) {
        var compliance = row.compliance();
        var stopping = compliance.missingForNewCases();
        var problems = new ArrayList<Problem>();
        for (RequirementStatus requirement : compliance.requirements()) {
            if (requirement.status() == ComplianceStatus.VALID) {
                continue;
            }
            var ended = requirement.status() == ComplianceStatus.EXPIRED && requirement.validTo() != null;
            problems.add(new Problem(row.displayName(), row.username(), requirement.type(), requirement.status(),
                    ended ? requirement.validTo().plusDays(1) : null,
                    requirement.status() == ComplianceStatus.EXPIRING ? requirement.validTo() : null,
                    stopping.contains(requirement), 0, 0));
        }
        var cpd = compliance.cpd();
        if (cpd.isShort()) {
            problems.add(new Problem(row.displayName(), row.username(), null, ComplianceStatus.CPD_SHORT, null, null, false,
                    cpd.hoursDone(), cpd.hoursRequired()));
        }
        return problems;
    }
}
