package org.unstuck.domain.credential;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The status of one required credential type for one therapist, from the best credential of
 * that type on file.
 *
 * @param validTo the end date of that credential, when it has one
 * @param daysLeft days until it ends (0 on its last day), when it has an end date and has not ended
 */
public record RequirementStatus(CredentialType type, ComplianceStatus status, @Nullable LocalDate validTo,
        @Nullable Long daysLeft) {
}
