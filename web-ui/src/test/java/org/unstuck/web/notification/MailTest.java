package org.unstuck.web.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Clock;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.practice.Username;
import org.unstuck.persistence.notification.JdbcMail;
import org.unstuck.web.MovableInstants;
import org.unstuck.web.TestMailServer;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.caseload.CaseloadService;
import org.unstuck.web.caseload.SessionEntry;

/**
 * E-mail through a real SMTP server in the test (GreenMail): a risk alert reaches the therapist
 * and each supervisor once, with no clinical content, however often the sender runs and even when
 * the server was away at first; the weekly digest goes on Mondays to those who want it.
 */
@UnstuckAppTest
class MailTest {

    @Autowired CaseloadService caseload;
    @Autowired Mailer mailer;
    @Autowired WeeklyDigest digest;
    @Autowired JdbcMail mail;
    @Autowired UserAccounts accounts;
    @Autowired UserDetailsService users;
    @Autowired MovableInstants instants;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectProvider<JavaMailSender> senders;
    @Autowired TransactionTemplate transaction;
    @Autowired MailProperties properties;
    @Autowired Clock clock;

    @BeforeEach
    void everyoneHasAnAddressAndTheServerIsUp() throws Exception {
        TestMailServer.running().purgeEmailFromAllMailboxes();
        for (var username : List.of("therapist2", "supervisor1", "supervisor2")) {
            mail.setAddress(id(username), username + "@practice.example", true);
        }
        jdbc.sql("UPDATE email_outbox SET sent_at = now() WHERE sent_at IS NULL").update();
    }

    @AfterEach
    void realTimeAndSignedOut() {
        instants.reset();
        SecurityContextHolder.clearContext();
    }

    private UserId id(String username) {
        return accounts.findByUsername(new Username(username)).orElseThrow().id();
    }

    private long quietCaseOfSam() {
        return jdbc.sql("""
                SELECT c.id FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id
                JOIN case_progress_snapshot p ON p.case_id = c.id AND p.status IN ('ON_TRACK', 'WATCH', 'INSUFFICIENT_DATA')
                WHERE u.username = 'therapist2' AND c.closed_on IS NULL AND c.primary_measure = 'PHQ-9'
                  AND NOT EXISTS (SELECT 1 FROM therapy_session s WHERE s.case_id = c.id AND s.session_date >= :today)
                  AND NOT EXISTS (SELECT 1 FROM risk_alert a WHERE a.case_id = c.id)
                ORDER BY c.id LIMIT 1""").param("today", caseload.today()).query(Long.class).single();
    }

    private String clientOf(long caseId) {
        return jdbc.sql("SELECT cl.code FROM therapy_case c JOIN client cl ON cl.id = c.client_id WHERE c.id = :id")
                .param("id", caseId).query(String.class).single();
    }

    private void recordItem9(long caseId, int item9) {
        TestSignIn.as(users, "therapist2");
        var scores = new HashMap<String, Double>();
        scores.put("PHQ-9", null);
        caseload.recordSession(caseId, new SessionEntry(caseload.today(), Attendance.ATTENDED, scores,
                Map.of("PHQ-9", new ArrayList<>(List.of(2, 2, 1, 2, 1, 1, 2, 1, item9))), Homework.NOT_SET));
        SecurityContextHolder.clearContext();
    }

    private static List<String> recipients(MimeMessage[] messages) {
        return Arrays.stream(messages).map(message -> {
            try {
                return message.getAllRecipients()[0].toString();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).sorted().toList();
    }

    @Test
    void item_9_at_2_sends_one_email_to_the_therapist_and_one_to_each_supervisor_with_no_clinical_content() throws Exception {
        var caseId = quietCaseOfSam();
        recordItem9(caseId, 2);

        assertThat(mailer.sendDue()).isEqualTo(2);
        assertThat(mailer.sendDue()).as("sent once, however often the sender runs").isZero();

        var received = TestMailServer.running().getReceivedMessages();
        assertThat(recipients(received)).containsExactly("supervisor1@practice.example", "therapist2@practice.example");
        for (var message : received) {
            var body = GreenMailUtil.getBody(message);
            assertThat(message.getSubject()).isEqualTo("Unstuck: a risk alert on case " + clientOf(caseId));
            assertThat(body).contains(clientOf(caseId), "https://unstuck.practice.example/cases/" + caseId)
                    .doesNotContain("PHQ", "item 9", "scored", "14", "self-harm", "Low mood");
        }
    }

    @Test
    void an_email_queued_while_the_server_is_away_is_sent_once_by_the_next_sender_to_run() throws Exception {
        var caseId = quietCaseOfSam();
        TestMailServer.stop();
        recordItem9(caseId, 1);

        assertThat(mailer.sendDue()).as("the server is away").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM email_outbox WHERE sent_at IS NULL AND attempts = 1 AND last_error IS NOT NULL")
                .query(Integer.class).single()).isEqualTo(2);

        TestMailServer.running();
        instants.set(instants.instant().plus(properties.firstRetry()).plusSeconds(1));
        var restarted = new Mailer(senders, mail, transaction, properties, clock);
        assertThat(restarted.sendDue()).as("a sender that starts afresh finds the queue in the database").isEqualTo(2);
        assertThat(mailer.sendDue()).isZero();
        assertThat(TestMailServer.running().getReceivedMessages()).hasSize(2);
    }

    @Test
    void the_digest_goes_on_monday_to_each_supervisor_who_wants_it_with_counts_only() throws Exception {
        mail.setAddress(id("supervisor2"), "supervisor2@practice.example", false);
        var monday = caseload.today().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        instants.set(monday.minusDays(1).atTime(LocalTime.of(7, 30)).atZone(caseload.zone()).toInstant());
        assertThat(digest.queueIfDue()).as("not on a Sunday").isZero();

        instants.set(monday.atTime(LocalTime.of(7, 30)).atZone(caseload.zone()).toInstant());
        assertThat(digest.queueIfDue()).isEqualTo(1);
        assertThat(digest.queueIfDue()).as("once a Monday").isZero();
        mailer.sendDue();

        var received = TestMailServer.running().getReceivedMessages();
        assertThat(recipients(received)).containsExactly("supervisor1@practice.example");
        assertThat(received[0].getSubject()).isEqualTo("Unstuck: your team this week");
        assertThat(GreenMailUtil.getBody(received[0])).contains("newly flagged in the last 7 days", "due by Sunday",
                "turn it off in your e-mail settings: https://unstuck.practice.example/account/e-mail");
    }
}
