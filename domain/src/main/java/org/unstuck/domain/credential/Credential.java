package org.unstuck.domain.credential;

import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.practice.UserId;

/**
 * One credential of a therapist: a licence, registration, qualification, modality training or
 * insurance policy. Licences, registrations and insurance carry an end date. A renewal is a new
 * credential, so the history of each stays on file.
 *
 * @param version the stored version this state was read at
 * @param number the licence, registration or policy number (a colegiado number, a state licence)
 * @param jurisdiction where it applies, such as "Comunidad de Madrid" or "California"
 */
public record Credential(
        @Nullable Long id,
        long version,
        UserId therapist,
        CredentialType type,
        String title,
        String number,
        String issuingBody,
        String jurisdiction,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable Verification verification) {

    public Credential {
        if (title.isBlank() || title.length() > 160) {
            throw new IllegalArgumentException("A credential's title is 1 to 160 characters");
        }
        if (issuingBody.isBlank() || issuingBody.length() > 160) {
            throw new IllegalArgumentException("A credential names its issuing body in 1 to 160 characters");
        }
        if (number.length() > 80 || jurisdiction.length() > 120) {
            throw new IllegalArgumentException("A credential number is at most 80 characters and a jurisdiction at most 120");
        }
        if (type.expires() && validTo == null) {
            throw new IllegalArgumentException("A " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " has an end date");
        }
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("A credential cannot end (" + validTo + ") before it starts (" + validFrom + ")");
        }
    }

    /** True when the credential is in force on that day; it is valid through its last day. */
    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** The same credential with a new end date, unverified until checked again. */
    public Credential renewedUntil(LocalDate newValidTo) {
        if (validTo != null && !newValidTo.isAfter(validTo)) {
            throw new IllegalArgumentException("A renewal ends after the current end date " + validTo);
        }
        return new Credential(null, 0, therapist, type, title, number, issuingBody, jurisdiction, validFrom, newValidTo, null);
    }

    public Credential verified(Verification by) {
        return new Credential(id, version, therapist, type, title, number, issuingBody, jurisdiction, validFrom, validTo, by);
    }
}
