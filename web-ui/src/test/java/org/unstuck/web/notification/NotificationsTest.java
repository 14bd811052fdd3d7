package org.unstuck.web.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.domain.credential.Credential;
import org.unstuck.domain.credential.CredentialType;
import org.unstuck.domain.credential.Credentials;
import org.unstuck.domain.notification.NoticeKind;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.Username;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.DecisionType;
import org.unstuck.persistence.notification.Notice;
import org.unstuck.web.MovableInstants;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.account.MyEmail;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.review.DecisionEntry;
import org.unstuck.web.review.DecisionService;

/** Notifications are sent once per event to the people it concerns, and each person reads and clears only theirs. */
@UnstuckAppTest
class NotificationsTest {

    @Autowired Notifications notifications;
    @Autowired CredentialReminders reminders;
    @Autowired DecisionService decisions;
    @Autowired UserAccounts accounts;
    @Autowired Credentials credentials;
    @Autowired PasswordEncoder passwords;
    @Autowired UserDetailsService users;
    @Autowired MovableInstants instants;
    @Autowired JdbcClient jdbc;
    @Autowired MyEmail myEmail;

    @AfterEach
    void realTimeAndSignedOut() {
        instants.reset();
        SecurityContextHolder.clearContext();
    }

    private int sentFor(String eventPrefix) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE event_key LIKE :prefix || '%'").param("prefix", eventPrefix)
                .query(Integer.class).single();
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_referral_tells_the_colleague_once_with_the_client_code_and_who_referred_it() {
        var caseId = jdbc.sql("""
                SELECT c.id FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = 'therapist2' AND c.closed_on IS NULL ORDER BY c.id OFFSET 2 LIMIT 1""")
                .query(Long.class).single();
        var code = jdbc.sql("SELECT cl.code FROM therapy_case c JOIN client cl ON cl.id = c.client_id WHERE c.id = :id")
                .param("id", caseId).query(String.class).single();
        TestSignIn.as(users, "therapist3");
        var before = notifications.unread();

        TestSignIn.as(users, "supervisor1");
        decisions.record(caseId, new DecisionEntry(DecisionType.REFER_TO_COLLEAGUE, null, "therapist3", null,
                "Jordan has space and the training this client needs.", Set.of(StallReason.ALLIANCE),
                LocalDate.now().plusWeeks(4)));

        TestSignIn.as(users, "therapist3");
        assertThat(notifications.unread()).isEqualTo(before + 1);
        assertThat(notifications.mine().getFirst()).satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(NoticeKind.REFERRAL_WAITING);
            assertThat(notice.arguments()).containsExactly(code, "Sam Okafor");
            assertThat(notice.link()).isEqualTo("caseload");
            assertThat(notice.unread()).isTrue();
        });
    }

    @Test
    @WithUserDetails("therapist1")
    void a_credential_is_announced_to_its_therapist_and_the_manager_at_each_mark_once() {
        var username = "ending." + System.nanoTime() % 1_000_000;
        var therapist = accounts.save(UserAccount.newAccount(new Username(username), "Ending Soon", passwords.encode("x"),
                Set.of(Role.THERAPIST))).id();
        var today = LocalDate.now();
        credentials.save(new Credential(null, 0, therapist, CredentialType.INSURANCE, "Indemnity", "PI-9", "Balens",
                "United Kingdom", today.minusYears(1), today.plusDays(40), null));
        var event = "credential:" + therapist.value() + ":INSURANCE:";

        var managers = jdbc.sql("""
                SELECT count(*) FROM user_account u JOIN user_role r ON r.user_id = u.id
                WHERE r.role = 'PRACTICE_MANAGER' AND u.enabled""").query(Integer.class).single();

        reminders.remind();
        reminders.remind();
        assertThat(sentFor(event)).as("at the 60-day mark, once to the therapist and once to each manager")
                .isEqualTo(1 + managers).isGreaterThanOrEqualTo(2);

        instants.set(instants.instant().plus(Duration.ofDays(15)));
        reminders.remind();
        assertThat(sentFor(event)).as("the 30-day mark is a new event").isEqualTo(2 * (1 + managers));
        assertThat(jdbc.sql("SELECT DISTINCT link FROM notification WHERE event_key LIKE :e || '%30'")
                .param("e", event).query(String.class).list())
                .containsExactlyInAnyOrder("credentials/" + username, "my-credentials");
    }

    @Test
    @WithUserDetails("therapist2")
    void a_person_marks_their_own_notifications_read_and_no_one_elses() {
        var mine = notifications.mine().stream().filter(Notice::unread).toList();
        assertThat(mine).as("the demo tells Sam Okafor of a referral and of the insurance ending").isNotEmpty();
        var unread = notifications.unread();

        assertThat(notifications.markRead(mine.getFirst().id())).isTrue();
        assertThat(notifications.unread()).isEqualTo(unread - 1);
        assertThat(notifications.markRead(mine.getFirst().id())).as("read already").isFalse();

        var someoneElses = jdbc.sql("""
                SELECT n.id FROM notification n JOIN user_account u ON u.id = n.recipient_id
                WHERE u.username = 'manager' AND n.read_at IS NULL LIMIT 1""").query(Long.class).single();
        assertThat(notifications.markRead(someoneElses)).isFalse();
        assertThat(jdbc.sql("SELECT read_at IS NULL FROM notification WHERE id = :id").param("id", someoneElses)
                .query(Boolean.class).single()).isTrue();
        assertThat(notifications.mine()).extracting(Notice::id).doesNotContain(someoneElses);

        assertThat(notifications.markAllRead()).isEqualTo(unread - 1);
        assertThat(notifications.unread()).isZero();
        assertThat(List.of(notifications.markAllRead())).containsExactly(0);
    }

    @Test
    @WithUserDetails("therapist4")
    void a_person_sets_their_own_address_a_malformed_one_is_refused_on_its_field_and_the_digest_is_offered_to_supervisors() {
        assertThatThrownBy(() -> myEmail.save("nina berg@practice", true))
                .isInstanceOfSatisfying(InvalidEntryException.class, refused ->
                        assertThat(refused.fieldErrors()).containsKey(MyEmail.ADDRESS));
        assertThat(myEmail.read().address()).as("nothing changed").isEqualTo("therapist4@practice.example");

        myEmail.save("  nina.berg@clinic.example ", true);
        assertThat(myEmail.read()).satisfies(settings -> {
            assertThat(settings.address()).isEqualTo("nina.berg@clinic.example");
            assertThat(settings.digestOffered()).as("Nina Berg supervises no one").isFalse();
            assertThat(settings.mailOn()).as("the test application sends to an SMTP server").isTrue();
        });
        myEmail.save("", false);
        assertThat(myEmail.read().address()).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = 'therapist4' AND action = 'account.email'")
                .query(Integer.class).single()).isEqualTo(2);
    }
}
