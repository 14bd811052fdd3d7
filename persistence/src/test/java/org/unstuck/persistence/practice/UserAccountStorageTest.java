package org.unstuck.persistence.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.SupervisionPairs;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.Username;
import org.unstuck.persistence.PostgresTest;

@PostgresTest
class UserAccountStorageTest {

    @Autowired UserAccounts accounts;
    @Autowired SupervisionPairs supervision;

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
                stored.passwordHash(), stored.roles(), false));

        assertThat(accounts.findByUsername(stored.username()).orElseThrow().enabled()).isFalse();
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
