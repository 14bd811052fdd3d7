package org.unstuck.persistence.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.notification.MailKind;
import org.unstuck.domain.practice.UserId;
import org.unstuck.persistence.ConstraintMessages;

/**
 * Each person's e-mail address and digest choice, and the outbox of e-mails: queued in the
 * transaction of their event, taken one at a time under a row lock that other senders skip, and
 * marked sent or failed in that same transaction.
 */
@Repository
@Transactional
public class JdbcMail {

    /** A person's address, and whether they want the weekly digest. */
    public record Address(String address, boolean weeklyDigest) {
    }

    /** A queued e-mail with its recipient's address and name. */
    public record Queued(long id, String address, String displayName, MailKind kind, List<String> arguments, String link,
            int attempts) {
    }

    /** The outbox as the admin sees it. */
    public record Outbox(int waiting, int sentLastDay, int failing, @Nullable String lastError) {
    }

    private final JdbcClient jdbc;

    JdbcMail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<Address> addressOf(UserId person) {
        return jdbc.sql("SELECT address, weekly_digest FROM account_email WHERE user_id = :id").param("id", person.value())
                .query((row, number) -> new Address(row.getString("address"), row.getBoolean("weekly_digest"))).optional();
    }

    /** Sets the person's address and digest choice; no address removes both. */
    public void setAddress(UserId person, @Nullable String address, boolean weeklyDigest) {
        if (address == null) {
            jdbc.sql("DELETE FROM account_email WHERE user_id = :id").param("id", person.value()).update();
            return;
        }
        try {
            jdbc.sql("""
                    INSERT INTO account_email (user_id, address, weekly_digest) VALUES (:id, :address, :digest)
                    ON CONFLICT (user_id) DO UPDATE SET address = excluded.address, weekly_digest = excluded.weekly_digest""")
                    .param("id", person.value()).param("address", address).param("digest", weeklyDigest).update();
        } catch (DataIntegrityViolationException refused) {
            throw ConstraintMessages.translate(refused);
        }
    }

    /**
     * Queues the e-mail for a person with an address, once per event; the digest only for those who
     * want it. Answers whether it was queued.
     */
    public boolean queue(UserId recipient, MailKind kind, List<String> arguments, String link, String eventKey, Instant at) {
        return jdbc.sql("""
                INSERT INTO email_outbox (recipient_id, kind, arguments, link, event_key, created_at, next_attempt_at)
                SELECT e.user_id, :kind, :arguments, :link, :event, :at, :at FROM account_email e
                WHERE e.user_id = :recipient AND (:kind <> 'WEEKLY_DIGEST' OR e.weekly_digest)
                ON CONFLICT ON CONSTRAINT email_outbox_once_per_event DO NOTHING""")
                .param("recipient", recipient.value()).param("kind", kind.name())
                .param("arguments", arguments.toArray(String[]::new)).param("link", link).param("event", eventKey)
                .param("at", Timestamp.from(at)).update() == 1;
    }

    /** The next e-mail due, locked for this transaction; another sender skips it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Queued> takeDue(Instant now, int maxAttempts) {
        return jdbc.sql("""
                SELECT o.id, e.address, u.display_name, o.kind, o.arguments, o.link, o.attempts
                FROM email_outbox o JOIN account_email e ON e.user_id = o.recipient_id
                JOIN user_account u ON u.id = o.recipient_id
                WHERE o.sent_at IS NULL AND o.next_attempt_at <= :now AND o.attempts < :max AND u.enabled
                ORDER BY o.next_attempt_at, o.id LIMIT 1 FOR UPDATE OF o SKIP LOCKED""")
                .param("now", Timestamp.from(now)).param("max", maxAttempts)
                .query((row, number) -> new Queued(row.getLong("id"), row.getString("address"), row.getString("display_name"),
                        MailKind.valueOf(row.getString("kind")), Arrays.asList((String[]) row.getArray("arguments").getArray()),
                        row.getString("link"), row.getInt("attempts")))
                .optional();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void sent(long id, Instant at) {
        jdbc.sql("UPDATE email_outbox SET sent_at = :at, attempts = attempts + 1, last_error = NULL WHERE id = :id")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void failed(long id, Instant retryAt, String error) {
        jdbc.sql("UPDATE email_outbox SET attempts = attempts + 1, next_attempt_at = :retry, last_error = :error WHERE id = :id")
                .param("id", id).param("retry", Timestamp.from(retryAt))
                .param("error", error.length() > 300 ? error.substring(0, 300) : error).update();
    }

    @Transactional(readOnly = true)
    public Outbox outbox(Instant now, int maxAttempts) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE sent_at IS NULL AND attempts < :max) AS waiting,
                       count(*) FILTER (WHERE sent_at >= :dayAgo) AS sent,
                       count(*) FILTER (WHERE sent_at IS NULL AND attempts > 0) AS failing,
                       (SELECT last_error FROM email_outbox WHERE sent_at IS NULL AND last_error IS NOT NULL
                        ORDER BY next_attempt_at DESC LIMIT 1) AS last_error
                FROM email_outbox""")
                .param("max", maxAttempts).param("dayAgo", Timestamp.from(now.minusSeconds(86_400)))
                .query((row, number) -> new Outbox(row.getInt("waiting"), row.getInt("sent"), row.getInt("failing"),
                        row.getString("last_error")))
                .single();
    }
}
