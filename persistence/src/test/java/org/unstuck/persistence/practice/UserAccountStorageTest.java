package org.unstuck.persistence.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.SupervisionPairs;
import org.unstuck.domain.practice.UnsupervisedCaseload;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.practice.Username;
import org.unstuck.persistence.PostgresTest;
import org.unstuck.persistence.PracticeFixture;

@PostgresTest
class UserAccountStorageTest {

    @Autowired UserAccounts accounts;
    @Autowired SupervisionPairs supervision;
    @Autowired PracticeFixture practice;

    @Test
    void an_account_comes_back_from_the_database_as_it_was_stored() {
        var stored = accounts.save(UserAccount.newAccount(
                new Username("round.trip"), "Round Trip", "{bcrypt}$2a$10$abc", Set.of(Role.SUPERVISOR, Role.THERAPIST)));

        var loaded = accounts.findByUsername(new Username("round.trip")).orElseThrow();

        assertThat(loaded).isEqualTo(stored);
        assertThat(loaded.id()).isNotNull();
        assertThat(loaded.roles()).containsExactlyInAnyOrder(Role.SUPERVISOR, Role.THERAPIST);
    }

    @Test
    void disabling_an_account_is_stored() {
        var stored = accounts.save(UserAccount.newAccount(
                new Username("to.disable"), "To Disable", "{bcrypt}x", Set.of(Role.THERAPIST)));
        accounts.save(new UserAccount(stored.id(), stored.username(), stored.displayName(),
                stored.passwordHash(), stored.roles(), false, false));

        assertThat(accounts.findByUsername(stored.username()).orElseThrow().enabled()).isFalse();
    }

    @Test
    void a_password_chosen_by_someone_else_is_stored_as_to_be_replaced_until_the_person_chooses_their_own() {
        var stored = accounts.save(UserAccount.withPasswordChosenForThem(
                new Username("new.starter"), "New Starter", "{bcrypt}first", Set.of(Role.PRACTICE_MANAGER)));
        assertThat(accounts.findByUsername(stored.username()).orElseThrow().passwordChangeRequired()).isTrue();

        accounts.save(stored.withPasswordHash("{bcrypt}own"));

        assertThat(accounts.findByUsername(stored.username()).orElseThrow().passwordChangeRequired()).isFalse();
    }

    @Test
    void a_second_account_with_the_same_username_is_refused() {
        accounts.save(UserAccount.newAccount(new Username("twice"), "First", "{bcrypt}x", Set.of(Role.ADMIN)));

        assertThatThrownBy(() -> accounts.save(
                UserAccount.newAccount(new Username("twice"), "Second", "{bcrypt}y", Set.of(Role.ADMIN))))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void a_supervisor_sees_exactly_the_therapists_paired_with_them() {
        var supervisor = accounts.save(UserAccount.newAccount(
                new Username("sup.pairs"), "Sam Supervisor", "{bcrypt}x", Set.of(Role.SUPERVISOR)));
        var ann = accounts.save(UserAccount.newAccount(
                new Username("ann.pairs"), "Ann Therapist", "{bcrypt}x", Set.of(Role.THERAPIST)));
        var bob = accounts.save(UserAccount.newAccount(
                new Username("bob.pairs"), "Bob Therapist", "{bcrypt}x", Set.of(Role.THERAPIST)));
        accounts.save(UserAccount.newAccount(
                new Username("cy.pairs"), "Cy Unpaired", "{bcrypt}x", Set.of(Role.THERAPIST)));

        supervision.add(supervisor.id(), bob.id());
        supervision.add(supervisor.id(), ann.id());
        supervision.add(supervisor.id(), ann.id());

        assertThat(supervision.superviseesOf(supervisor.id()))
                .extracting(UserAccount::displayName)
                .containsExactly("Ann Therapist", "Bob Therapist");
        assertThat(supervision.supervisorsOf(ann.id())).containsExactly(supervisor);
    }

    @Test
    void a_caseload_counts_as_unsupervised_until_an_enabled_supervisor_reviews_it() {
        var dee = practice.user("dee", Role.THERAPIST);
        var eve = practice.user("eve", Role.THERAPIST, Role.SUPERVISOR);
        var peer = practice.user("peer", Role.THERAPIST);
        var boss = accounts.save(UserAccount.newAccount(new Username("boss.unsupervised"), "Boss", "{bcrypt}x",
                Set.of(Role.SUPERVISOR)));
        practice.openCase(dee, LocalDate.now().minusWeeks(3));
        practice.openCase(dee, LocalDate.now().minusWeeks(2));
        practice.openCase(eve, LocalDate.now().minusWeeks(2));
        var idle = practice.user("idle", Role.THERAPIST);

        assertThat(unsupervised()).containsEntry(dee, 2).containsEntry(eve, 1).doesNotContainKeys(peer, idle);

        supervision.add(boss.id(), dee);
        supervision.add(eve, peer);
        assertThat(unsupervised()).doesNotContainKey(dee).containsEntry(eve, 1);
        supervision.add(peer, eve);
        assertThat(unsupervised()).as("a therapist without the supervisor role reviews nobody").containsKey(eve);

        accounts.save(boss.withEnabled(false));
        assertThat(unsupervised()).as("a disabled supervisor reviews nobody").containsEntry(dee, 2);
    }

    private Map<UserId, Integer> unsupervised() {
        return supervision.unsupervisedCaseloads().stream()
                .collect(Collectors.toMap(UnsupervisedCaseload::therapist, UnsupervisedCaseload::openCases));
    }

    @Test
    void an_edit_from_an_old_version_is_refused_and_the_newer_one_stays() {
        var stored = accounts.save(UserAccount.newAccount(
                new Username("two.admins"), "Two Admins", "{bcrypt}x", Set.of(Role.THERAPIST)));
        var read = accounts.findVersioned(stored.id()).orElseThrow();

        var first = accounts.save(read.value().renamedWithRoles("First Edit", Set.of(Role.THERAPIST, Role.SUPERVISOR)),
                read.version());

        assertThat(first.version()).isGreaterThan(read.version());
        assertThatThrownBy(() -> accounts.save(read.value().renamedWithRoles("Second Edit", Set.of(Role.THERAPIST)),
                read.version()))
                .isInstanceOf(ConcurrentChangeException.class)
                .hasMessageContaining("Someone else changed this account");
        assertThat(accounts.find(stored.id()).orElseThrow().displayName()).isEqualTo("First Edit");
    }

    @Test
    void a_pairing_that_is_removed_is_gone_and_the_others_stay() {
        var supervisor = accounts.save(UserAccount.newAccount(
                new Username("sup.remove"), "Sue Supervisor", "{bcrypt}x", Set.of(Role.SUPERVISOR)));
        var dan = accounts.save(UserAccount.newAccount(
                new Username("dan.remove"), "Dan Therapist", "{bcrypt}x", Set.of(Role.THERAPIST)));
        var eve = accounts.save(UserAccount.newAccount(
                new Username("eve.remove"), "Eve Therapist", "{bcrypt}x", Set.of(Role.THERAPIST)));
        supervision.add(supervisor.id(), dan.id());
        supervision.add(supervisor.id(), eve.id());

        supervision.remove(supervisor.id(), dan.id());
        supervision.remove(supervisor.id(), dan.id());

        assertThat(supervision.superviseesOf(supervisor.id())).extracting(UserAccount::displayName)
                .containsExactly("Eve Therapist");
    }
}
