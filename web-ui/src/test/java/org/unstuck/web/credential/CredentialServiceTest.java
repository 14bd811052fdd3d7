package org.unstuck.web.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Comparator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.domain.credential.ComplianceStatus;
import org.unstuck.domain.credential.CredentialType;
import org.unstuck.domain.credential.Credentials;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.reports.ReportTexts;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.caseload.CaseloadService;
import org.unstuck.web.caseload.NewCaseEntry;

/** Credentials use cases called directly, as each role. */
@UnstuckAppTest
class CredentialServiceTest {

    @Autowired CredentialService service;
    @Autowired CaseloadService caseload;
    @Autowired UserAccounts accounts;
    @Autowired Credentials credentials;
    @Autowired PasswordEncoder passwords;
    @Autowired UserDetailsService users;

    private void signInAs(String username) {
        TestSignIn.as(users, username);
    }

    @Test
    @WithUserDetails("manager")
    void the_manager_sees_every_therapist_with_counts_and_statuses() {
        var board = service.board();
        assertThat(board).extracting(row -> row.username())
                .contains("therapist1", "therapist2", "therapist3", "therapist4", "supervisor1", "supervisor2");
        assertThat(board).filteredOn(row -> row.username().equals("therapist4")).singleElement().satisfies(row -> {
            assertThat(row.openCases()).isZero();
            assertThat(row.compliance().requirement(CredentialType.LICENCE).orElseThrow().status())
                    .isEqualTo(ComplianceStatus.EXPIRED);
        });
        assertThat(board).filteredOn(row -> row.username().equals("therapist2")).singleElement().satisfies(row ->
                assertThat(row.compliance().requirement(CredentialType.INSURANCE).orElseThrow().status())
                        .isEqualTo(ComplianceStatus.EXPIRING));
        assertThat(service.needingAttention()).isPositive();
    }

    @Test
    @WithUserDetails("manager")
    void the_board_filters_by_status_and_by_ending_soon_and_pages() {
        var expired = service.boardPage(new CredentialService.BoardFilter(ComplianceStatus.EXPIRED, null),
                Comparator.comparing(row -> row.displayName()), 0, 50);
        assertThat(expired).extracting(row -> row.username()).contains("therapist4")
                .doesNotContain("therapist1", "therapist2");
        var endingSoon = service.boardPage(new CredentialService.BoardFilter(null, 30), Comparator.comparing(row -> row.displayName()),
                0, 50);
        assertThat(endingSoon).extracting(row -> row.username()).contains("therapist2", "therapist4");
        var everyone = new CredentialService.BoardFilter(null, null);
        var firstPage = service.boardPage(everyone, Comparator.comparing(row -> row.displayName()), 0, 2);
        var secondPage = service.boardPage(everyone, Comparator.comparing(row -> row.displayName()), 2, 2);
        assertThat(firstPage).hasSize(2);
        assertThat(secondPage).doesNotContainAnyElementsOf(firstPage);
        assertThat(service.boardSize(everyone)).isGreaterThanOrEqualTo(6);
    }

    @Test
    @WithUserDetails("manager")
    void the_compliance_report_lists_every_therapist_and_reads_back_from_the_pdf() throws Exception {
        var report = service.complianceReport();
        assertThat(report.rows()).extracting(row -> row.therapist()).contains("Nina Berg", "Sam Okafor");
        try (var document = Loader.loadPDF(report.toPdf(ReportTexts.ENGLISH))) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Credential compliance report", "Nina Berg", "Expired", "Confidential");
        }
    }

    @Test
    @WithUserDetails("therapist1")
    void a_therapist_gets_no_compliance_report() {
        assertThatThrownBy(() -> service.complianceReport()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void renewing_and_verifying_an_expired_licence_lets_the_therapist_open_cases_again() {
        var lapsed = LapsedTherapist.create(accounts, credentials, passwords.encode(LapsedTherapist.PASSWORD));
        signInAs(lapsed.username());
        assertThatThrownBy(() -> caseload.openCase(new NewCaseEntry("C-8101", "Panic", "CBT", "GAD-7", "SRS", LocalDate.now())))
                .hasMessageContaining("licence expired");

        signInAs("manager");
        var licence = service.of(lapsed.username()).credentials().stream()
                .filter(credential -> credential.type() == CredentialType.LICENCE).findFirst().orElseThrow();
        service.renew(lapsed.username(), licence.id(), LocalDate.now().plusYears(2));
        var renewed = service.of(lapsed.username()).credentials().stream()
                .filter(credential -> credential.type() == CredentialType.LICENCE && credential.validTo().isAfter(LocalDate.now()))
                .findFirst().orElseThrow();
        service.verify(lapsed.username(), renewed.id(), "Register lookup today");
        var page = service.of(lapsed.username());
        assertThat(page.compliance().requirement(CredentialType.LICENCE).orElseThrow().status()).isEqualTo(ComplianceStatus.VALID);
        assertThat(page.credentials()).filteredOn(credential -> credential.type() == CredentialType.LICENCE).hasSize(2);

        signInAs(lapsed.username());
        assertThat(caseload.openCase(new NewCaseEntry("C-8102", "Panic", "CBT", "GAD-7", "SRS", LocalDate.now()))).isPositive();
        SecurityContextHolder.clearContext();
    }

    @Test
    @WithUserDetails("therapist1")
    void a_therapist_reads_and_adds_to_their_own_cpd_only() {
        var before = service.of("therapist1").cpd().size();
        service.addCpd("therapist1", LocalDate.now().minusDays(1), 3, "Working with interpreters");
        assertThat(service.of("therapist1").cpd()).hasSize(before + 1);
        assertThat(service.of("therapist1").mayManage()).isFalse();
        assertThatThrownBy(() -> service.of("therapist2")).isInstanceOf(TherapistNotFoundException.class);
        assertThatThrownBy(() -> service.addCpd("therapist2", LocalDate.now(), 3, "x"))
                .isInstanceOf(TherapistNotFoundException.class);
        assertThatThrownBy(() -> service.renew("therapist1", 1, LocalDate.now().plusYears(1)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("supervisor2")
    void a_supervisor_reads_their_supervisees_credentials_and_nobody_elses() {
        assertThat(service.of("therapist4").compliance().mayTakeNewCases()).isFalse();
        assertThat(service.of("therapist4").mayManage()).isFalse();
        assertThatThrownBy(() -> service.of("therapist1")).isInstanceOf(TherapistNotFoundException.class);
        assertThatThrownBy(() -> service.board()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("admin")
    void the_admin_sets_the_policy_but_reads_no_credentials() {
        assertThat(service.policy().value().warningDays()).isEqualTo(60);
        assertThatThrownBy(() -> service.of("therapist1")).isInstanceOf(AccessDeniedException.class);
    }
}
