package org.unstuck.web.notification;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.unstuck.domain.notification.MailKind;
import org.unstuck.domain.practice.UserId;
import org.unstuck.persistence.notification.JdbcMail;

/**
 * Queues e-mails with their events and sends the queue: each message in a transaction of its own
 * that holds its row, so that two nodes never send one message and a message whose sending failed
 * is tried again later. Texts come from the application's translations, in English until each
 * person chooses a language.
 */
@Service
@EnableConfigurationProperties(MailProperties.class)
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    private static final int SENT_PER_RUN = 100;

    private final ObjectProvider<JavaMailSender> senders;
    private final JdbcMail mail;
    private final TransactionTemplate transaction;
    private final MailProperties properties;
    private final Clock clock;
    private final ResourceBundle texts = ResourceBundle.getBundle("vaadin-i18n/translations", Locale.ENGLISH);

    Mailer(ObjectProvider<JavaMailSender> senders, JdbcMail mail, TransactionTemplate transaction, MailProperties properties,
            Clock clock) {
        this.senders = senders;
        this.mail = mail;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether an SMTP server is set; without one nothing is queued or sent. */
    public boolean enabled() {
        return senders.getIfAvailable() != null;
    }

    /** Queues the e-mail of an event for a person who gave an address, once per event; answers whether it was queued. */
    boolean queue(UserId recipient, MailKind kind, List<String> arguments, String link, String eventKey) {
        return enabled() && mail.queue(recipient, kind, arguments, link, eventKey, clock.instant());
    }

    /** Sends what is due, up to a hundred messages a run; answers how many were sent. */
    public int sendDue() {
        var sender = senders.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        var sent = 0;
        for (var taken = 0; taken < SENT_PER_RUN; taken++) {
            var outcome = transaction.execute(status -> mail.takeDue(clock.instant(), properties.maxAttempts())
                    .map(queued -> send(sender, queued)).orElse(null));
            if (outcome == null) {
                break;
            }
            sent += outcome ? 1 : 0;
        }
        return sent;
    }

    private boolean send(JavaMailSender sender, JdbcMail.Queued queued) {
        try {
            var message = new SimpleMailMessage();
            message.setFrom(properties.from());
            message.setTo(queued.address());
            message.setSubject(text("mail.subject." + queued.kind().name(), queued.arguments()));
            message.setText(body(queued));
            sender.send(message);
            mail.sent(queued.id(), clock.instant());
            return true;
        } catch (MailException failed) {
            var wait = properties.firstRetry().multipliedBy(1L << Math.min(queued.attempts(), 16));
            mail.failed(queued.id(), clock.instant().plus(wait), String.valueOf(failed.getMessage()));
            log.warn("E-mail {} not sent (attempt {}), tried again in {}: {}", queued.id(), queued.attempts() + 1,
                    wait, failed.getMessage());
            return false;
        }
    }

    private String body(JdbcMail.Queued queued) {
        var link = properties.linkBase().endsWith("/") ? properties.linkBase() + queued.link()
                : properties.linkBase() + "/" + queued.link();
        var kind = queued.kind();
        List<?> arguments = switch (kind) {
            case CREDENTIAL_ENDING -> credentialArguments(queued.arguments());
            case WEEKLY_DIGEST -> digestArguments(queued.arguments());
            case RISK_ALERT, REFERRAL_WAITING -> queued.arguments();
        };
        return String.join("\n\n", text("mail.greeting", List.of(queued.displayName())),
                text("mail.body." + kind.name(), arguments), link,
                text(kind == MailKind.WEEKLY_DIGEST ? "mail.footer.digest" : "mail.footer", List.of(properties.linkBase())));
    }

    /** The credential's type in words and its last day as a date, as the in-app notification shows them. */
    private List<Object> credentialArguments(List<String> stored) {
        return List.of(texts.getString("credential.type." + stored.get(0)).toLowerCase(Locale.ENGLISH),
                LocalDate.parse(stored.get(1)).toString(), Integer.parseInt(stored.get(2)), stored.get(3));
    }

    /** The counts as numbers, and the next meeting as a sentence of its own, or that none is planned. */
    private List<Object> digestArguments(List<String> stored) {
        var meeting = stored.get(2).isEmpty() ? texts.getString("mail.digest.no-meeting")
                : text("mail.digest.meeting", List.of(LocalDate.parse(stored.get(2)).toString()));
        return List.of(Integer.parseInt(stored.get(0)), Integer.parseInt(stored.get(1)), meeting);
    }

    private String text(String key, List<?> arguments) {
        return new MessageFormat(texts.getString(key), Locale.ENGLISH).format(arguments.toArray());
    }

    /** The queue as the admin's home shows it, or none when e-mail is off. */
    public JdbcMail.@Nullable Outbox outbox() {
        return enabled() ? mail.outbox(clock.instant(), properties.maxAttempts()) : null;
    }

    public Duration sendEvery() {
        return properties.sendEvery();
    }
}
