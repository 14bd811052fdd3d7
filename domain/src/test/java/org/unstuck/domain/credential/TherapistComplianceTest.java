package org.unstuck.domain.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unstuck.domain.practice.UserId;

class TherapistComplianceTest {

    private static final UserId THERAPIST = new UserId(3);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final CredentialPolicy POLICY = CredentialPolicy.defaults();

    private static Credential credential(CredentialType type, LocalDate validTo) {
        return new Credential(null, 0, THERAPIST, type, type.name(), "N-42", "Issuing body", "Madrid",
                validTo.minusYears(3), validTo, null);
    }

    private static List<Credential> allValid() {
        return new ArrayList<>(List.of(
                credential(CredentialType.LICENCE, TODAY.plusYears(1)),
                credential(CredentialType.REGISTRATION, TODAY.plusYears(1)),
                credential(CredentialType.INSURANCE, TODAY.plusYears(1))));
    }

    private static List<CpdEntry> cpd(double hours) {
        return List.of(new CpdEntry(THERAPIST, TODAY.minusMonths(1), hours, "Motivational interviewing"));
    }

    @ParameterizedTest(name = "a licence ending in {0} days is {1}")
    @CsvSource({"-1, EXPIRED", "0, EXPIRING", "1, EXPIRING", "60, EXPIRING", "61, VALID"})
    void the_expiry_window_has_sharp_edges(int daysLeft, ComplianceStatus expected) {
        var credentials = allValid();
        credentials.set(0, credential(CredentialType.LICENCE, TODAY.plusDays(daysLeft)));

        var licence = TherapistCompliance.assess(THERAPIST, credentials, cpd(30), POLICY, TODAY)
                .requirement(CredentialType.LICENCE).orElseThrow();

        assertThat(licence.status()).isEqualTo(expected);
        if (expected != ComplianceStatus.EXPIRED) {
            assertThat(licence.daysLeft()).isEqualTo(daysLeft);
        }
    }

    @Test
    void cpd_just_short_and_just_enough() {
        assertThat(TherapistCompliance.assess(THERAPIST, allValid(), cpd(29.75), POLICY, TODAY).cpd().status())
                .isEqualTo(ComplianceStatus.CPD_SHORT);
        assertThat(TherapistCompliance.assess(THERAPIST, allValid(), cpd(30), POLICY, TODAY).cpd().status())
                .isEqualTo(ComplianceStatus.VALID);
    }

    @Test
    void cpd_older_than_twelve_months_does_not_count() {
        var entries = List.of(new CpdEntry(THERAPIST, TODAY.minusYears(1), 30, "A year ago today"),
                new CpdEntry(THERAPIST, TODAY.minusYears(1).plusDays(1), 10, "Within the year"));
        assertThat(TherapistCompliance.assess(THERAPIST, allValid(), entries, POLICY, TODAY).cpd().hoursDone()).isEqualTo(10);
    }

    @Test
    void a_required_type_with_nothing_on_file_is_missing() {
        var credentials = allValid();
        credentials.removeIf(credential -> credential.type() == CredentialType.INSURANCE);
        var compliance = TherapistCompliance.assess(THERAPIST, credentials, cpd(30), POLICY, TODAY);
        assertThat(compliance.requirement(CredentialType.INSURANCE).orElseThrow().status()).isEqualTo(ComplianceStatus.MISSING);
        assertThat(compliance.overall()).isEqualTo(ComplianceStatus.MISSING);
        assertThat(compliance.mayTakeNewCases()).isFalse();
    }

    @Test
    void a_renewal_on_file_makes_an_expired_licence_valid_again() {
        var credentials = allValid();
        var expired = credential(CredentialType.LICENCE, TODAY.minusDays(10));
        credentials.set(0, expired);
        assertThat(TherapistCompliance.assess(THERAPIST, credentials, cpd(30), POLICY, TODAY).mayTakeNewCases()).isFalse();

        credentials.add(expired.renewedUntil(TODAY.plusYears(2)));
        var compliance = TherapistCompliance.assess(THERAPIST, credentials, cpd(30), POLICY, TODAY);
        assertThat(compliance.requirement(CredentialType.LICENCE).orElseThrow().status()).isEqualTo(ComplianceStatus.VALID);
        assertThat(compliance.mayTakeNewCases()).isTrue();
    }

    @Test
    void a_short_cpd_does_not_stop_new_cases_but_is_a_readiness_problem() {
        var compliance = TherapistCompliance.assess(THERAPIST, allValid(), cpd(5), POLICY, TODAY);
        assertThat(compliance.mayTakeNewCases()).isTrue();
        assertThat(compliance.hasReadinessProblem()).isTrue();
        assertThat(compliance.overall()).isEqualTo(ComplianceStatus.CPD_SHORT);
    }

    @Test
    void the_guard_refuses_with_a_message_naming_what_is_missing() {
        var credentials = allValid();
        credentials.set(0, credential(CredentialType.LICENCE, LocalDate.of(2026, 10, 31)));
        credentials.removeIf(credential -> credential.type() == CredentialType.INSURANCE);
        var compliance = TherapistCompliance.assess(THERAPIST, credentials, cpd(30), POLICY, TODAY);

        assertThatThrownBy(() -> AssignmentGuard.requireMayTakeNewCases(compliance))
                .isInstanceOf(TherapistNotReadyException.class)
                .hasMessage("This therapist cannot take new cases: licence expired (ended 2026-10-31), insurance missing");
    }

    @Test
    void a_policy_always_requires_a_licence_and_insurance() {
        assertThatThrownBy(() -> new CredentialPolicy(EnumSet.of(CredentialType.LICENCE), 30, 60))
                .hasMessageContaining("A licence and insurance are always required");
    }

    @Test
    void a_credential_cannot_end_before_it_starts_and_expiring_types_need_an_end() {
        assertThatThrownBy(() -> new Credential(null, 0, THERAPIST, CredentialType.INSURANCE, "Policy", "P-1", "Insurer", "UK",
                TODAY, TODAY.minusDays(1), null)).hasMessageContaining("cannot end");
        assertThatThrownBy(() -> new Credential(null, 0, THERAPIST, CredentialType.LICENCE, "Licence", "L-1", "Board", "UK",
                TODAY, null, null)).hasMessage("A licence has an end date");
        assertThat(new Credential(null, 0, THERAPIST, CredentialType.QUALIFICATION, "MSc Psychology", "", "University", "UK",
                TODAY.minusYears(5), null, null).isValidOn(TODAY)).isTrue();
    }
}
