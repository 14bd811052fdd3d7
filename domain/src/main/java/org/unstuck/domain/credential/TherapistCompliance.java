package org.unstuck.domain.credential;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.unstuck.domain.practice.UserId;

/**
 * Whether a therapist's credentials are in order on a given day: one status per required type,
 * and CPD against the policy. A therapist may take new cases only with a valid licence and
 * valid insurance.
 */
public record TherapistCompliance(UserId therapist, LocalDate on, List<RequirementStatus> requirements, CpdStatus cpd) {

    public TherapistCompliance {
        requirements = List.copyOf(requirements);
    }

    public static TherapistCompliance assess(UserId therapist, List<Credential> credentials, List<CpdEntry> cpd,
            CredentialPolicy policy, LocalDate today) {
        var statuses = policy.required().stream()
                .sorted()
                .map(type -> statusOf(type, credentials, policy, today))
                .toList();
        var yearAgo = today.minusYears(1);
        var hours = cpd.stream()
                .filter(entry -> entry.date().isAfter(yearAgo) && !entry.date().isAfter(today))
                .mapToDouble(CpdEntry::hours)
                .sum();
        return new TherapistCompliance(therapist, today, statuses, new CpdStatus(hours, policy.cpdHoursPerYear()));
    }

    private static RequirementStatus statusOf(CredentialType type, List<Credential> credentials, CredentialPolicy policy,
            LocalDate today) {
        var ofType = credentials.stream().filter(credential -> credential.type() == type).toList();
        if (ofType.isEmpty()) {
            return new RequirementStatus(type, ComplianceStatus.MISSING, null, null);
        }
        var current = ofType.stream().filter(credential -> credential.isValidOn(today))
                .max(Comparator.comparing(credential -> credential.validTo() == null ? LocalDate.MAX : credential.validTo()));
        if (current.isEmpty()) {
            var latest = ofType.stream().map(Credential::validTo).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            var status = latest != null && latest.isBefore(today) ? ComplianceStatus.EXPIRED : ComplianceStatus.MISSING;
            return new RequirementStatus(type, status, latest, null);
        }
        var validTo = current.get().validTo();
        if (validTo == null) {
            return new RequirementStatus(type, ComplianceStatus.VALID, null, null);
        }
        var daysLeft = ChronoUnit.DAYS.between(today, validTo);
        var status = daysLeft <= policy.warningDays() ? ComplianceStatus.EXPIRING : ComplianceStatus.VALID;
        return new RequirementStatus(type, status, validTo, daysLeft);
    }

    public Optional<RequirementStatus> requirement(CredentialType type) {
        return requirements.stream().filter(requirement -> requirement.type() == type).findFirst();
    }

    /** Licence and insurance both in force today; a type the policy does not require counts as met. */
    public boolean mayTakeNewCases() {
        return missingForNewCases().isEmpty();
    }

    /** The requirements that stop the therapist taking new cases, each with its status. */
    public List<RequirementStatus> missingForNewCases() {
        return requirements.stream()
                .filter(requirement -> requirement.type() == CredentialType.LICENCE || requirement.type() == CredentialType.INSURANCE)
                .filter(requirement -> !requirement.status().permitsPractice())
                .toList();
    }

    /** The worst status of all requirements and CPD. */
    public ComplianceStatus overall() {
        var worst = requirements.stream().map(RequirementStatus::status).max(Comparator.naturalOrder())
                .orElse(ComplianceStatus.VALID);
        return cpd.status().compareTo(worst) > 0 ? cpd.status() : worst;
    }

    /** Licence or insurance not in force, or CPD short: what the therapist-readiness signal reports. */
    public boolean hasReadinessProblem() {
        return !mayTakeNewCases() || cpd.isShort();
    }
}
