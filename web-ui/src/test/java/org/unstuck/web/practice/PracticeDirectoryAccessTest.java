package org.unstuck.web.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.web.UnstuckAppTest;

/** The directory's rules hold when it is called directly, not only behind the screens. */
@UnstuckAppTest
class PracticeDirectoryAccessTest {

    @Autowired PracticeDirectory directory;

    @Test
    void nobody_signed_in_gets_nothing() {
        assertThatThrownBy(() -> directory.everyone()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Nested
    class AsAdmin {
        @Test
        @WithUserDetails("admin")
        void the_admin_lists_every_account_with_its_roles() {
            assertThat(directory.everyone()).extracting(PersonRow::username)
                    .contains("admin", "manager", "supervisor1", "supervisor2", "therapist1", "therapist2", "therapist3",
                            "therapist4");
            assertThat(directory.everyone())
                    .anySatisfy(person -> {
                        assertThat(person.username()).isEqualTo("therapist3");
                        assertThat(person.supervisors()).containsExactly("Dr Daniel Costa", "Dr Ruth Lindqvist");
                    });
        }

        @Test
        @WithUserDetails("admin")
        void the_admin_has_no_team_and_no_therapist_list() {
            assertThatThrownBy(() -> directory.mySupervisees()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> directory.therapists()).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Nested
    class AsSupervisor {
        @Test
        @WithUserDetails("supervisor1")
        void a_supervisor_sees_exactly_their_own_supervisees() {
            assertThat(directory.mySupervisees()).extracting(PersonRow::username)
                    .containsExactly("therapist1", "supervisor2", "therapist3", "therapist2");
        }

        @Test
        @WithUserDetails("supervisor2")
        void another_supervisor_sees_their_own_team_only() {
            assertThat(directory.mySupervisees()).extracting(PersonRow::username)
                    .containsExactly("supervisor1", "therapist3", "therapist4");
        }

        @Test
        @WithUserDetails("supervisor1")
        void a_supervisor_cannot_list_every_account() {
            assertThatThrownBy(() -> directory.everyone()).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Nested
    class AsTherapist {
        @Test
        @WithUserDetails("therapist1")
        void a_therapist_can_use_none_of_the_directory() {
            assertThatThrownBy(() -> directory.everyone()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> directory.mySupervisees()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> directory.therapists()).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Nested
    class AsPracticeManager {
        @Test
        @WithUserDetails("manager")
        void the_manager_lists_everyone_who_carries_a_caseload() {
            assertThat(directory.therapists()).extracting(PersonRow::username).doesNotContain("manager", "admin").contains(
                    "therapist1", "therapist2", "therapist3", "therapist4", "supervisor1", "supervisor2");
        }

        @Test
        @WithUserDetails("manager")
        void the_manager_cannot_list_accounts_or_teams() {
            assertThatThrownBy(() -> directory.everyone()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> directory.mySupervisees()).isInstanceOf(AccessDeniedException.class);
        }
    }
}
