package org.unstuck.domain.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    private static final Username ALEX = new Username("alex");

    @Test
    void an_account_needs_at_least_one_role() {
        assertThatThrownBy(() -> UserAccount.newAccount(ALEX, "Alex", "{bcrypt}x", Set.of()))
                .hasMessage("A user has at least one role");
    }

    @Test
    void the_roles_cannot_be_changed_through_the_set_given() {
        var roles = EnumSet.of(Role.THERAPIST);
        var account = UserAccount.newAccount(ALEX, "Alex", "{bcrypt}x", roles);
        roles.add(Role.ADMIN);
        assertThat(account.roles()).containsExactly(Role.THERAPIST);
        assertThat(account.hasRole(Role.ADMIN)).isFalse();
    }

    @Test
    void a_blank_display_name_is_refused() {
        assertThatThrownBy(() -> UserAccount.newAccount(ALEX, " ", "{bcrypt}x", Set.of(Role.ADMIN)))
                .hasMessage("A user's display name must not be blank");
    }

    @Test
    void a_new_account_is_enabled_and_has_no_id_yet() {
        var account = UserAccount.newAccount(ALEX, "Alex", "{bcrypt}x", Set.of(Role.SUPERVISOR, Role.THERAPIST));
        assertThat(account.enabled()).isTrue();
        assertThat(account.id()).isNull();
    }
}
