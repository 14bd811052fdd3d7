package org.unstuck.persistence.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.credential.CpdEntry;
import org.unstuck.domain.credential.Credential;
import org.unstuck.domain.credential.CredentialPolicies;
import org.unstuck.domain.credential.CredentialPolicy;
import org.unstuck.domain.credential.CredentialType;
import org.unstuck.domain.credential.Credentials;
import org.unstuck.domain.credential.Verification;
import org.unstuck.domain.practice.Role;
import org.unstuck.persistence.PostgresTest;
import org.unstuck.persistence.PracticeFixture;

@PostgresTest
class CredentialStorageTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Autowired Credentials credentials;
    @Autowired CredentialPolicies policies;
    @Autowired PracticeFixture practice;

    @Test
    void a_licence_is_stored_verified_and_renewed_with_its_history_kept() {
        var therapist = practice.user("lena", Role.THERAPIST);
        var manager = practice.user("mia", Role.PRACTICE_MANAGER);
        var licence = credentials.save(new Credential(null, 0, therapist, CredentialType.REGISTRATION, "Colegiada",
                "M-28431", "Colegio Oficial de la Psicología de Madrid", "Comunidad de Madrid", TODAY.minusYears(3),
                TODAY.minusDays(5), null));

        var verified = credentials.save(licence.verified(new Verification(manager,
                Instant.parse("2026-11-26T09:30:00Z"), "Register lookup 2026-11-26")));
        assertThat(verified.version()).isEqualTo(licence.version() + 1);
        assertThat(verified.verification()).isEqualTo(new Verification(manager,
                Instant.parse("2026-11-26T09:30:00Z").truncatedTo(ChronoUnit.MICROS), "Register lookup 2026-11-26"));

        var renewed = credentials.save(verified.renewedUntil(TODAY.plusYears(1)));
        assertThat(credentials.of(therapist)).containsExactly(verified, renewed);
    }

    @Test
    void a_save_from_an_out_of_date_credential_is_refused() {
        var therapist = practice.user("omar", Role.THERAPIST);
        var manager = practice.user("mo", Role.PRACTICE_MANAGER);
        var stored = credentials.save(new Credential(null, 0, therapist, CredentialType.INSURANCE, "Indemnity", "P-9",
                "Insurer", "UK", TODAY.minusYears(1), TODAY.plusMonths(1), null));
        credentials.save(stored.verified(new Verification(manager, Instant.now(), "Certificate on file")));

        assertThatThrownBy(() -> credentials.save(stored.verified(new Verification(manager, Instant.now(), "Other"))))
                .isInstanceOf(ConcurrentChangeException.class)
                .hasMessageStartingWith("Someone else changed this credential in the meantime");
    }

    @Test
    void cpd_entries_round_trip() {
        var therapist = practice.user("cpd", Role.THERAPIST);
        var entry = new CpdEntry(therapist, TODAY.minusDays(10), 7.5, "Compassion-focused therapy workshop");
        credentials.addCpd(entry);
        assertThat(credentials.cpdOf(therapist)).containsExactly(entry);
    }

    @Test
    void the_policy_is_versioned_and_a_stale_edit_is_refused() {
        var current = policies.current();
        assertThat(current.value()).isEqualTo(CredentialPolicy.defaults());

        var stricter = new CredentialPolicy(EnumSet.of(CredentialType.LICENCE, CredentialType.INSURANCE,
                CredentialType.REGISTRATION, CredentialType.QUALIFICATION), 40, 90);
        var saved = policies.save(stricter, current.version());
        assertThat(saved.value()).isEqualTo(stricter);
        assertThat(saved.version()).isEqualTo(current.version() + 1);

        assertThatThrownBy(() -> policies.save(CredentialPolicy.defaults(), current.version()))
                .isInstanceOf(ConcurrentChangeException.class);
        policies.save(CredentialPolicy.defaults(), saved.version());
    }
}
