package org.unstuck.web.credential;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.credential.CredentialType;

/** What a practice manager types to add a credential. */
public record CredentialEntry(@Nullable CredentialType type, @Nullable String title, @Nullable String number,
        @Nullable String issuingBody, @Nullable String jurisdiction, @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo) {
}
