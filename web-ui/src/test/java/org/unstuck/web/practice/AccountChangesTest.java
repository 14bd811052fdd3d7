package org.unstuck.web.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.Username;
import org.unstuck.persistence.practice.AccountChangeRequest.Kind;
import org.unstuck.persistence.practice.AccountChangeRequest.Status;
import org.unstuck.persistence.practice.JdbcSecondFactors;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.practice.AccountChanges.ChangeRow;

/**
 * The admin's "puppet" path to clinical notes is closed: an account with clinical roles, a new
 * supervision pair and a clinician's new password are made only when a second person approves,
 * and nobody approves their own request or one that opens records to themselves.
 */
@UnstuckAppTest
class AccountChangesTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "a password of the admin's choosing";

    @Autowired AccountChanges changes;
    @Autowired UserAdministration administration;
    @Autowired UserAccounts accounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcSecondFactors secondFactors;
    @Autowired PracticeDirectory directory;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static String unique(String prefix) {
        return prefix + "." + ProcessHandle.current().pid() % 1000 + "." + SEQUENCE.incrementAndGet();
    }

    private ChangeRow waitingAbout(String username) {
        return SecondPerson.waitingAbout(changes, username);
    }

    private String refusal(Runnable change) {
        return String.join(" ", catchThrowableOfType(InvalidEntryException.class, change::run).fieldErrors().values());
    }

    @Test
    void a_puppet_account_with_clinical_roles_is_not_made_until_someone_else_approves_and_the_asker_cannot() {
        TestSignIn.as(users, "admin");
        var puppet = unique("puppet");
        administration.add(new NewAccountEntry(puppet, "Puppet", Set.of(Role.THERAPIST, Role.SUPERVISOR), PASSWORD, PASSWORD));
        var request = waitingAbout(puppet);
        assertThat(request.kind()).isEqualTo(Kind.NEW_ACCOUNT);
        assertThat(request.askedByReader()).isTrue();
        assertThat(request.mayDecide()).isFalse();

        assertThat(refusal(() -> changes.approve(request.id(), request.version())))
                .isEqualTo("You asked for this change; another admin or the practice manager approves it.");
        assertThat(accounts.findByUsername(new Username(puppet))).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'account-change.approve' AND outcome = 'REFUSED' "
                + "AND subject = :subject").param("subject", "request " + request.id()).query(Integer.class).single()).isOne();

        TestSignIn.as(users, "manager");
        assertThat(waitingAbout(puppet).mayDecide()).isTrue();
        changes.reject(request.id(), request.version());

        assertThat(accounts.findByUsername(new Username(puppet))).isEmpty();
        assertThat(changes.pending()).extracting(ChangeRow::id).doesNotContain(request.id());
        TestSignIn.as(users, "supervisor1");
        assertThat(changes.recentlyDecided()).filteredOn(row -> row.id() == request.id())
                .singleElement().satisfies(row -> {
                    assertThat(row.status()).isEqualTo(Status.REJECTED);
                    assertThat(row.decidedBy()).isEqualTo("Priya Shah (manager)");
                    assertThat(row.requestedBy()).isEqualTo("Chris Bell (admin)");
                });
    }

    @Test
    void a_supervision_pair_opens_the_therapists_cases_only_once_approved() {
        TestSignIn.as(users, "admin");
        var before = administration.account("supervisor2").supervisees();
        assertThat(before).doesNotContain("therapist1");
        assertThat(administration.setSupervisees("supervisor2", union(before, "therapist1"))).isOne();
        assertThat(administration.account("supervisor2").supervisees()).isEqualTo(before);
        var request = waitingAbout("therapist1");

        TestSignIn.as(users, "manager");
        changes.approve(request.id(), request.version());
        TestSignIn.as(users, "admin");
        assertThat(administration.account("supervisor2").supervisees()).contains("therapist1");

        administration.setSupervisees("supervisor2", before);
        assertThat(administration.account("supervisor2").supervisees()).as("ending a pair needs nobody else").isEqualTo(before);
    }

    @Test
    void nobody_approves_a_change_that_opens_records_to_themselves_and_the_asker_withdraws_it() {
        TestSignIn.as(users, "admin");
        var manager = administration.account("manager");
        assertThat(administration.edit("manager", manager.version(), manager.displayName(),
                Set.of(Role.PRACTICE_MANAGER, Role.THERAPIST))).isTrue();
        var request = waitingAbout("manager");

        TestSignIn.as(users, "manager");
        assertThat(waitingAbout("manager").mayDecide()).isFalse();
        assertThat(refusal(() -> changes.approve(request.id(), request.version())))
                .isEqualTo("This change opens clinical records to you; another admin or the practice manager approves it.");
        assertThatThrownBy(() -> changes.withdraw(request.id(), request.version()))
                .as("only an admin withdraws").isInstanceOf(AccessDeniedException.class);

        TestSignIn.as(users, "admin");
        changes.withdraw(request.id(), request.version());
        assertThat(accounts.findByUsername(new Username("manager")).orElseThrow().roles()).containsExactly(Role.PRACTICE_MANAGER);
    }

    @Test
    void a_decision_on_a_request_read_before_someone_else_decided_it_is_refused() {
        TestSignIn.as(users, "admin");
        var person = unique("twice.decided");
        administration.add(new NewAccountEntry(person, "Twice Decided", Set.of(Role.THERAPIST), PASSWORD, PASSWORD));
        var read = waitingAbout(person);
        changes.withdraw(read.id(), read.version());

        TestSignIn.as(users, "manager");
        assertThat(refusal(() -> changes.approve(read.id(), read.version())))
                .isEqualTo("This request is no longer waiting: someone decided it meanwhile.");
        assertThatThrownBy(() -> jdbc.sql("UPDATE account_change_request SET status = 'APPROVED' WHERE id = :id")
                .param("id", read.id()).update()).rootCause().hasMessageContaining("permanent record");
        assertThat(accounts.findByUsername(new Username(person))).isEmpty();
    }

    @Test
    void a_lost_second_factor_is_reset_once_someone_else_approves_and_is_set_up_again_at_the_next_sign_in() {
        var username = unique("lost.phone");
        var account = accounts.save(UserAccount.newAccount(new Username(username), "Lost Phone", "{noop}unused",
                Set.of(Role.THERAPIST)));
        secondFactors.enroll(account.id(), "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", 1, Instant.now(), List.of("a".repeat(64)));
        TestSignIn.as(users, "admin");
        assertThat(directory.secondFactors()).containsEntry(username, SecondFactorStanding.SET_UP)
                .containsEntry("therapist1", SecondFactorStanding.EXEMPT).containsEntry("manager", SecondFactorStanding.EXEMPT);

        administration.resetSecondFactor(username);
        assertThat(directory.secondFactors()).as("waits for approval").containsEntry(username, SecondFactorStanding.SET_UP);
        var request = waitingAbout(username);
        TestSignIn.as(users, "manager");
        changes.approve(request.id(), request.version());

        TestSignIn.as(users, "admin");
        assertThat(directory.secondFactors()).containsEntry(username, SecondFactorStanding.NOT_SET_UP);
        assertThat(secondFactors.recoveryCodesLeft(account.id())).isZero();
    }

    @Test
    void therapists_and_supervisors_cannot_decide_and_only_an_admin_withdraws() {
        for (var username : List.of("therapist1", "supervisor1")) {
            TestSignIn.as(users, username);
            assertThatThrownBy(() -> changes.pending()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> changes.approve(1, 0)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> changes.reject(1, 0)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> changes.withdraw(1, 0)).isInstanceOf(AccessDeniedException.class);
        }
        TestSignIn.as(users, "therapist1");
        assertThatThrownBy(() -> changes.recentlyDecided()).isInstanceOf(AccessDeniedException.class);
    }

    private static Set<String> union(Set<String> names, String added) {
        var all = new java.util.HashSet<>(names);
        all.add(added);
        return all;
    }
}
