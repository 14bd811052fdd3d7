package org.unstuck.web.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.caseload.ClientCode;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UnsupervisedCaseload;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.Username;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.security.CurrentUser;

/** The admin's account work, called as each role, each change audited and bad input changing nothing. */
@UnstuckAppTest
class UserAdministrationTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String GOOD_PASSWORD = "a quiet room by the sea";

    @Autowired UserAdministration administration;
    @Autowired UserAccounts accounts;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;
    @Autowired SessionRegistry sessions;
    @Autowired JdbcClient jdbc;
    @Autowired Cases cases;
    @Autowired AccountChanges changes;
    @Autowired CurrentUser currentUser;

    private static String unique(String prefix) {
        return prefix + "." + ProcessHandle.current().pid() % 1000 + "." + SEQUENCE.incrementAndGet();
    }

    private UserAccount person(String prefix, Role... roles) {
        return accounts.save(UserAccount.newAccount(new Username(unique(prefix)), "Person " + prefix,
                encoder.encode(GOOD_PASSWORD), Set.of(roles)));
    }

    private record Audited(String actor, String subject, String outcome) {
    }

    private List<Audited> audited(String action, String subjectLike) {
        return jdbc.sql("SELECT actor, subject, outcome FROM audit_event WHERE action = :action AND subject LIKE :subject "
                        + "ORDER BY sequence")
                .param("action", action).param("subject", subjectLike)
                .query((row, n) -> new Audited(row.getString("actor"), row.getString("subject"), row.getString("outcome")))
                .list();
    }

    private void openCase(UserAccount therapist) {
        cases.save(new TherapyCase(null, 0, new ClientCode("UC-" + SEQUENCE.incrementAndGet()), "Low mood", new Approach("CBT"),
                MeasureCatalogue.PHQ_9, MeasureCatalogue.SRS, LocalDate.now().minusWeeks(2), null, therapist.id(), List.of()));
    }

    /** Open cases per username, of everyone whose caseload no supervisor reviews. */
    private Map<String, Integer> caseloadsNobodyReviews() {
        return administration.unsupervisedCaseloads().stream()
                .collect(Collectors.toMap(caseload -> caseload.username().value(), UnsupervisedCaseload::openCases));
    }

    private long version(UserAccount account) {
        return administration.account(account.username().value()).version();
    }

    private UserAccount reloaded(UserAccount account) {
        return accounts.find(account.id()).orElseThrow();
    }

    private void managerApproves(String username) {
        SecondPerson.managerApproves(changes, users, username);
    }

    private static Map<String, String> refusal(Runnable change) {
        return catchThrowableOfType(InvalidEntryException.class, change::run).fieldErrors();
    }

    /** The demo supervisors' teams are asserted elsewhere: they go back to what the demo practice seeded. */
    @AfterEach
    void endTestPairings() {
        jdbc.sql("""
                DELETE FROM supervision_pair WHERE therapist_id IN (
                    SELECT id FROM user_account WHERE username LIKE 'loner.%' OR username LIKE 'sup.cases.%')""").update();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Nested
    class AsAdmin {

        @Test
        @WithUserDetails("admin")
        void a_first_password_of_128_characters_is_taken_whole() {
            var username = unique("long.pass");
            var longest = "a quiet room by the sea, ".repeat(6).substring(0, 118) + "éèêëàâäîïô";

            administration.add(new NewAccountEntry(username, "Lena Long", Set.of(Role.THERAPIST), longest, longest));
            managerApproves(username);

            var hash = accounts.findByUsername(new Username(username)).orElseThrow().passwordHash();
            assertThat(longest.codePointCount(0, longest.length())).isEqualTo(128);
            assertThat(encoder.matches(longest, hash)).isTrue();
            assertThat(encoder.matches(longest.substring(0, 127), hash)).isFalse();
        }

        @Test
        @WithUserDetails("admin")
        void a_therapist_the_admin_adds_is_made_once_the_manager_approves_with_the_first_password_stored_as_pbkdf2() {
            var username = unique("new.therapist");

            var stored = administration.add(new NewAccountEntry(" " + username.toUpperCase() + " ", "Nora Quinn",
                    Set.of(Role.THERAPIST), GOOD_PASSWORD, GOOD_PASSWORD));

            assertThat(stored).isEqualTo(new UserAdministration.Added(username, true));
            assertThat(accounts.findByUsername(new Username(username))).as("made only on approval").isEmpty();
            assertThat(refusal(() -> administration.add(new NewAccountEntry(username, "Nora Again",
                    Set.of(Role.THERAPIST), GOOD_PASSWORD, GOOD_PASSWORD)))).containsOnlyKeys("username");
            managerApproves(username);

            var account = accounts.findByUsername(new Username(username)).orElseThrow();
            assertThat(account.passwordChangeRequired()).as("the admin chose the password").isTrue();
            assertThat(account.displayName()).isEqualTo("Nora Quinn");
            assertThat(account.roles()).containsExactly(Role.THERAPIST);
            assertThat(account.enabled()).isTrue();
            assertThat(account.passwordHash()).startsWith("{pbkdf2}").doesNotContain(GOOD_PASSWORD);
            assertThat(encoder.matches(GOOD_PASSWORD, account.passwordHash())).isTrue();
            assertThat(users.loadUserByUsername(username).isEnabled()).isTrue();
            assertThat(audited("account-change.ask", username + "%"))
                    .containsExactly(new Audited("admin", username + ": THERAPIST", "ALLOWED"));
            assertThat(audited("user.add", username + "%"))
                    .containsExactly(new Audited("manager", username + ": THERAPIST", "ALLOWED"));
        }

        @Test
        @WithUserDetails("admin")
        void a_practice_manager_who_would_approve_changes_is_made_only_once_someone_else_approves_too() {
            var username = unique("new.manager");

            var stored = administration.add(new NewAccountEntry(username, "Mia Park", Set.of(Role.PRACTICE_MANAGER),
                    GOOD_PASSWORD, GOOD_PASSWORD));

            assertThat(stored).isEqualTo(new UserAdministration.Added(username, true));
            assertThat(accounts.findByUsername(new Username(username))).isEmpty();
            managerApproves(username);
            var account = accounts.findByUsername(new Username(username)).orElseThrow();
            assertThat(account.roles()).containsExactly(Role.PRACTICE_MANAGER);
            assertThat(account.passwordChangeRequired()).isTrue();
        }

        @Test
        @WithUserDetails("admin")
        void every_bad_entry_is_named_on_its_field_and_nothing_is_stored() {
            var before = accounts.count();
            var username = unique("refused");

            assertThat(refusal(() -> administration.add(new NewAccountEntry("No Spaces Allowed", "Name",
                    Set.of(Role.THERAPIST), GOOD_PASSWORD, GOOD_PASSWORD))))
                    .containsOnlyKeys("username").containsValue("A username is 3 to 64 lower-case letters, digits, dots, "
                            + "dashes or underscores, such as j.smith.");
            assertThat(refusal(() -> administration.add(new NewAccountEntry("therapist1", "Name",
                    Set.of(Role.THERAPIST), GOOD_PASSWORD, GOOD_PASSWORD))))
                    .containsExactly(Map.entry("username", "That username is taken; choose another."));
            assertThat(refusal(() -> administration.add(new NewAccountEntry(username, " ", Set.of(), "short pass",
                    "short pass"))))
                    .containsOnlyKeys("displayName", "roles", "password")
                    .containsEntry("roles", "Choose at least one role.")
                    .containsEntry("password", "A password has 12 to 128 characters; this one has 10.");
            assertThat(refusal(() -> administration.add(new NewAccountEntry(username, "Line\nbreak",
                    Set.of(Role.THERAPIST), GOOD_PASSWORD, GOOD_PASSWORD))))
                    .containsOnlyKeys("displayName");
            assertThat(refusal(() -> administration.add(new NewAccountEntry(username, "Name", Set.of(Role.THERAPIST),
                    "Password1234", "Password1234"))))
                    .containsExactly(Map.entry("password",
                            "This password is on a list of commonly used passwords; choose another."));
            assertThat(refusal(() -> administration.add(new NewAccountEntry(username, "Name", Set.of(Role.THERAPIST),
                    "my name is " + username, "my name is " + username))))
                    .containsExactly(Map.entry("password", "A password must not contain the username; choose another."));
            assertThat(refusal(() -> administration.add(new NewAccountEntry(username, "Name", Set.of(Role.THERAPIST),
                    GOOD_PASSWORD, GOOD_PASSWORD + "!"))))
                    .containsExactly(Map.entry("repeated", "The two passwords differ; type the same password twice."));

            assertThat(accounts.count()).isEqualTo(before);
            assertThat(accounts.findByUsername(new Username(username))).isEmpty();
            assertThat(audited("user.add", username + "%")).isEmpty();
        }

        @Test
        @WithUserDetails("admin")
        void the_admin_renames_a_person_and_changes_their_roles_which_signs_them_out_and_a_stale_edit_is_refused() {
            var person = person("renamed", Role.THERAPIST);
            sessions.registerNewSession("session-of-" + person.username(), users.loadUserByUsername(person.username().value()));
            var read = version(person);

            assertThat(administration.edit(person.username().value(), read, "Renamed Person",
                    Set.of(Role.THERAPIST, Role.SUPERVISOR))).as("the supervisor role waits").isTrue();

            assertThat(reloaded(person).displayName()).isEqualTo("Renamed Person");
            assertThat(reloaded(person).roles()).containsExactly(Role.THERAPIST);
            assertThat(sessions.getSessionInformation("session-of-" + person.username()).isExpired()).isFalse();
            managerApproves(person.username().value());

            assertThat(reloaded(person).roles()).containsExactlyInAnyOrder(Role.THERAPIST, Role.SUPERVISOR);
            assertThat(sessions.getSessionInformation("session-of-" + person.username()).isExpired()).isTrue();
            assertThat(audited("user.edit", person.username() + "%")).containsExactly(
                    new Audited("admin", person.username() + ": THERAPIST", "ALLOWED"),
                    new Audited("manager", person.username() + ": SUPERVISOR, THERAPIST", "ALLOWED"));
            assertThatThrownBy(() -> administration.edit(person.username().value(), read, "Second Admin's Name",
                    Set.of(Role.THERAPIST)))
                    .isInstanceOf(ConcurrentChangeException.class)
                    .hasMessageContaining("Someone else changed this account in the meantime");
            assertThat(reloaded(person).displayName()).isEqualTo("Renamed Person");
        }

        @Test
        @WithUserDetails("admin")
        void an_edit_without_roles_or_name_changes_nothing() {
            var person = person("unchanged", Role.THERAPIST);

            assertThat(refusal(() -> administration.edit(person.username().value(), version(person), "", Set.of())))
                    .containsOnlyKeys("displayName", "roles");

            assertThat(reloaded(person)).isEqualTo(person);
            assertThat(audited("user.edit", person.username() + "%")).isEmpty();
        }

        @Test
        void an_admin_who_renames_themself_is_named_so_at_once_and_keeps_the_roles_they_signed_in_with() {
            var me = person("self.renamed", Role.ADMIN, Role.PRACTICE_MANAGER);
            TestSignIn.as(users, me.username().value());

            administration.edit(me.username().value(), version(me), "Renamed Myself", Set.of(Role.ADMIN));

            var signedIn = currentUser.person();
            assertThat(signedIn.displayName()).isEqualTo("Renamed Myself");
            assertThat(signedIn.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.PRACTICE_MANAGER);
            assertThat(reloaded(me).roles()).containsExactly(Role.ADMIN);
        }

        @Test
        @WithUserDetails("admin")
        void the_admin_keeps_their_own_admin_role_and_their_own_sign_in() {
            var me = accounts.findByUsername(new Username("admin")).orElseThrow();

            assertThat(refusal(() -> administration.edit("admin", version(me), me.displayName(), Set.of(Role.THERAPIST))))
                    .containsExactly(Map.entry("roles", "You cannot remove your own admin role: the practice must keep "
                            + "an admin. Another admin can do it."));
            assertThat(refusal(() -> administration.disable("admin", version(me))))
                    .containsOnlyKeys("account");

            assertThat(reloaded(me)).isEqualTo(me);
        }

        @Test
        @WithUserDetails("admin")
        void the_admin_cannot_give_themselves_clinical_access() {
            var me = accounts.findByUsername(new Username("admin")).orElseThrow();

            assertThat(refusal(() -> administration.edit("admin", version(me), me.displayName(),
                    Set.of(Role.ADMIN, Role.SUPERVISOR))))
                    .containsExactly(Map.entry("roles", "You cannot give yourself a therapist or supervisor role, which "
                            + "opens clinical records. Another admin can do it."));
            assertThat(refusal(() -> administration.setSupervisees("admin", Set.of("therapist1")))).containsOnlyKeys("supervisees");

            assertThat(reloaded(me)).isEqualTo(me);
        }

        @Test
        @WithUserDetails("admin")
        void another_admin_may_lose_the_admin_role_at_once_but_gains_the_managers_only_once_approved() {
            var other = person("other.admin", Role.ADMIN);

            assertThat(administration.edit(other.username().value(), version(other), other.displayName(),
                    Set.of(Role.PRACTICE_MANAGER))).isTrue();
            assertThat(reloaded(other).roles()).as("the roles stay until the new one is approved").containsExactly(Role.ADMIN);
            managerApproves(other.username().value());
            assertThat(reloaded(other).roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.PRACTICE_MANAGER);

            administration.edit(other.username().value(), version(reloaded(other)), other.displayName(),
                    Set.of(Role.PRACTICE_MANAGER));
            assertThat(reloaded(other).roles()).containsExactly(Role.PRACTICE_MANAGER);
        }

        @Test
        @WithUserDetails("admin")
        void the_managers_new_password_waits_for_another_admin_so_the_admin_cannot_take_over_the_approver() {
            var manager = person("other.manager", Role.PRACTICE_MANAGER);
            var fresh = "the admin would know this one";

            assertThat(administration.setPassword(manager.username().value(), fresh, fresh)).isTrue();

            assertThat(encoder.matches(fresh, reloaded(manager).passwordHash())).isFalse();
        }

        @Test
        @WithUserDetails("admin")
        void a_disabled_person_cannot_sign_in_and_every_session_they_had_ends_until_they_are_enabled_again() {
            var person = person("disabled", Role.THERAPIST);
            var details = users.loadUserByUsername(person.username().value());
            sessions.registerNewSession("session-of-" + person.username(), details);

            administration.disable(person.username().value(), version(person));

            assertThat(users.loadUserByUsername(person.username().value()).isEnabled()).isFalse();
            assertThat(sessions.getSessionInformation("session-of-" + person.username()).isExpired()).isTrue();
            assertThat(audited("user.disable", person.username().value()))
                    .containsExactly(new Audited("admin", person.username().value(), "ALLOWED"));

            administration.enable(person.username().value(), version(person));

            assertThat(users.loadUserByUsername(person.username().value()).isEnabled()).isTrue();
            assertThat(audited("user.enable", person.username().value()))
                    .containsExactly(new Audited("admin", person.username().value(), "ALLOWED"));
        }

        @Test
        @WithUserDetails("admin")
        void a_clinicians_new_password_set_by_the_admin_replaces_the_old_once_approved_and_ends_the_persons_sessions() {
            var person = person("forgot", Role.THERAPIST);
            sessions.registerNewSession("session-of-" + person.username(), users.loadUserByUsername(person.username().value()));
            var fresh = "a new beginning in spring";

            assertThat(administration.setPassword(person.username().value(), fresh, fresh)).isTrue();
            assertThat(reloaded(person).passwordHash()).as("waits for approval").isEqualTo(person.passwordHash());
            assertThat(sessions.getSessionInformation("session-of-" + person.username()).isExpired()).isFalse();
            managerApproves(person.username().value());

            assertThat(reloaded(person).passwordChangeRequired()).isTrue();
            var hash = reloaded(person).passwordHash();
            assertThat(hash).startsWith("{pbkdf2}");
            assertThat(encoder.matches(fresh, hash)).isTrue();
            assertThat(encoder.matches(GOOD_PASSWORD, hash)).isFalse();
            assertThat(sessions.getSessionInformation("session-of-" + person.username()).isExpired()).isTrue();
            assertThat(audited("user.password", person.username().value()))
                    .containsExactly(new Audited("manager", person.username().value(), "ALLOWED"));
            assertThat(jdbc.sql("SELECT count(*) FROM account_change_request WHERE password_hash IS NOT NULL AND account_id = :id")
                    .param("id", person.id().value()).query(Integer.class).single()).as("no hash kept once decided").isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE subject LIKE :fresh OR reason LIKE :fresh "
                    + "OR subject LIKE '%bcrypt%'").param("fresh", "%" + fresh + "%").query(Integer.class).single()).isZero();
        }

        @Test
        @WithUserDetails("admin")
        void a_password_against_the_policy_is_refused_and_the_old_one_stays() {
            var person = person("keeps.old", Role.THERAPIST);

            assertThat(refusal(() -> administration.setPassword(person.username().value(), "qwertyuiopasdfgh",
                    "qwertyuiopasdfgh"))).containsOnlyKeys("password");

            assertThat(reloaded(person).passwordHash()).isEqualTo(person.passwordHash());
            assertThat(audited("user.password", person.username().value())).isEmpty();
        }

        @Test
        @WithUserDetails("admin")
        void the_admin_chooses_a_supervisors_supervisees_adding_and_ending_pairs() {
            var supervisor = person("sup", Role.SUPERVISOR, Role.THERAPIST);
            var ann = person("ann", Role.THERAPIST);
            var ben = person("ben", Role.THERAPIST);
            var name = supervisor.username().value();

            assertThat(administration.setSupervisees(name, Set.of(ann.username().value(), ben.username().value()))).isEqualTo(2);
            assertThat(administration.account(name).supervisees()).as("the pairs wait for approval").isEmpty();
            managerApproves(ann.username().value());
            managerApproves(ben.username().value());
            assertThat(administration.account(name).supervisees())
                    .containsExactlyInAnyOrder(ann.username().value(), ben.username().value());

            administration.setSupervisees(name, Set.of(ben.username().value()));
            assertThat(administration.account(name).supervisees()).containsExactly(ben.username().value());

            assertThat(audited("supervision.add", name + " supervises %")).extracting(Audited::subject)
                    .containsExactlyInAnyOrder(name + " supervises " + ann.username(), name + " supervises " + ben.username());
            assertThat(audited("supervision.remove", name + " supervises %")).extracting(Audited::subject)
                    .containsExactly(name + " supervises " + ann.username());
            assertThat(administration.possibleSupervisees(name)).extracting(PersonRow::username)
                    .contains(ann.username().value(), "therapist1").doesNotContain(name, "manager", "admin");
        }

        @Test
        @WithUserDetails("admin")
        void only_therapists_are_supervised_and_only_by_supervisors() {
            var supervisor = person("sup.refuses", Role.SUPERVISOR);
            var therapist = person("plain", Role.THERAPIST);

            assertThat(refusal(() -> administration.setSupervisees(supervisor.username().value(), Set.of("manager"))))
                    .containsOnlyKeys("supervisees");
            assertThat(refusal(() -> administration.setSupervisees(therapist.username().value(),
                    Set.of("therapist1")))).containsOnlyKeys("supervisees");

            assertThat(administration.account(supervisor.username().value()).supervisees()).isEmpty();
            assertThat(administration.account(therapist.username().value()).supervisees()).isEmpty();
        }

        @Test
        @WithUserDetails("admin")
        void a_supervisor_who_loses_the_role_no_longer_supervises_anyone() {
            var supervisor = person("sup.demoted", Role.SUPERVISOR, Role.THERAPIST);
            var therapist = person("supervised", Role.THERAPIST);
            administration.setSupervisees(supervisor.username().value(), Set.of(therapist.username().value()));
            managerApproves(therapist.username().value());

            administration.edit(supervisor.username().value(), version(supervisor), supervisor.displayName(),
                    Set.of(Role.THERAPIST));

            assertThat(administration.account(supervisor.username().value()).supervisees()).isEmpty();
            assertThat(audited("supervision.remove", supervisor.username() + " supervises %")).hasSize(1);
        }

        @Test
        @WithUserDetails("admin")
        void a_caseload_nobody_reviews_is_named_until_the_admin_assigns_a_supervisor_and_bad_choices_change_nothing() {
            var loner = person("loner", Role.THERAPIST);
            var name = loner.username().value();
            openCase(loner);
            openCase(loner);
            assertThat(caseloadsNobodyReviews()).containsEntry(name, 2);
            var pairsBefore = jdbc.sql("SELECT count(*) FROM supervision_pair").query(Integer.class).single();

            assertThat(refusal(() -> administration.addSupervisor(name, null))).containsOnlyKeys("supervisor");
            assertThat(refusal(() -> administration.addSupervisor(name, "therapist2"))).containsOnlyKeys("supervisor")
                    .containsValue("Only a supervisor has supervisees; give Sam Okafor the supervisor role first.");
            assertThat(refusal(() -> administration.addSupervisor(name, "nobody.here"))).containsOnlyKeys("supervisor");
            assertThat(jdbc.sql("SELECT count(*) FROM supervision_pair").query(Integer.class).single()).isEqualTo(pairsBefore);
            assertThat(caseloadsNobodyReviews()).containsEntry(name, 2);

            assertThat(administration.possibleSupervisors(name)).extracting(PersonRow::username)
                    .contains("supervisor1", "supervisor2").doesNotContain("therapist2", "admin", name);
            var supervisees = administration.account("supervisor2").supervisees();
            administration.addSupervisor(name, "supervisor2");
            assertThat(caseloadsNobodyReviews()).as("until the pair is approved").containsEntry(name, 2);
            managerApproves(name);

            assertThat(caseloadsNobodyReviews()).doesNotContainKey(name);
            assertThat(administration.account("supervisor2").supervisees()).containsAll(supervisees).contains(name);
            assertThat(audited("supervision.add", "supervisor2 supervises " + name)).hasSize(1);
        }

        @Test
        @WithUserDetails("admin")
        void a_supervisor_who_sees_clients_is_supervised_by_another_supervisor() {
            var seesClients = person("sup.cases", Role.SUPERVISOR, Role.THERAPIST);
            var name = seesClients.username().value();
            openCase(seesClients);
            assertThat(caseloadsNobodyReviews()).containsEntry(name, 1);
            assertThat(administration.possibleSupervisees("supervisor1")).extracting(PersonRow::username)
                    .contains("supervisor2", name);
            assertThat(administration.possibleSupervisors(name)).extracting(PersonRow::username).contains("supervisor1");

            administration.addSupervisor(name, "supervisor1");
            managerApproves(name);

            assertThat(caseloadsNobodyReviews()).doesNotContainKey(name);
        }

        @Test
        @WithUserDetails("admin")
        void in_the_demo_practice_every_caseload_has_a_supervisor() {
            assertThat(caseloadsNobodyReviews()).doesNotContainKeys("therapist1", "therapist2", "therapist3", "therapist4",
                    "supervisor1", "supervisor2");
            for (var supervisor : List.of("supervisor1", "supervisor2")) {
                assertThat(jdbc.sql("""
                        SELECT count(*) FROM supervision_pair pair JOIN user_account t ON t.id = pair.therapist_id
                        JOIN user_account s ON s.id = pair.supervisor_id
                        WHERE t.username = :supervisor AND s.username <> :supervisor""")
                        .param("supervisor", supervisor).query(Integer.class).single())
                        .as("someone supervises %s", supervisor).isPositive();
            }
        }
    }

    /** Every use case of the service, as someone who is not an admin would call it. */
    private void everyUseCaseIsRefused() {
        var target = "therapist2";
        List<Consumer<UserAdministration>> calls = List.of(
                service -> service.account(target),
                service -> service.possibleSupervisees("supervisor1"),
                service -> service.add(new NewAccountEntry(unique("sneaky"), "Sneaky", Set.of(Role.ADMIN), GOOD_PASSWORD,
                        GOOD_PASSWORD)),
                service -> service.edit(target, 0, "Sneaky", Set.of(Role.ADMIN)),
                service -> service.disable(target, 0),
                service -> service.enable(target, 0),
                service -> service.setPassword(target, GOOD_PASSWORD, GOOD_PASSWORD),
                service -> service.setSupervisees("supervisor1", Set.of()),
                service -> service.unsupervisedCaseloads(),
                service -> service.possibleSupervisors("therapist1"),
                service -> service.addSupervisor("therapist1", "supervisor2"));
        var before = jdbc.sql("SELECT count(*) FROM supervision_pair").query(Integer.class).single();
        calls.forEach(call -> assertThatThrownBy(() -> call.accept(administration)).isInstanceOf(AccessDeniedException.class));
        assertThat(jdbc.sql("SELECT count(*) FROM supervision_pair").query(Integer.class).single()).isEqualTo(before);
        assertThat(accounts.findByUsername(new Username(target)).orElseThrow().displayName()).isEqualTo("Sam Okafor");
    }

    @Test
    void a_therapist_a_supervisor_and_the_practice_manager_can_use_none_of_it() {
        for (var username : List.of("therapist1", "supervisor1", "manager")) {
            TestSignIn.as(users, username);
            everyUseCaseIsRefused();
        }
    }
}
