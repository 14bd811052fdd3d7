package org.unstuck.persistence.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.notification.NoticeKind;
import org.unstuck.domain.practice.UserId;

/** Each person's notifications, newest first; an event already sent to a person is not sent again. */
@Repository
@Transactional
public class JdbcNotifications {

    private final JdbcClient jdbc;

    JdbcNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sends the notification unless the event was sent to this person before; answers whether it was new. */
    public boolean send(UserId recipient, NoticeKind kind, List<String> arguments, String link, String eventKey, Instant at) {
        return jdbc.sql("""
                INSERT INTO notification (recipient_id, kind, arguments, link, event_key, created_at)
                VALUES (:recipient, :kind, :arguments, :link, :event, :at)
                ON CONFLICT ON CONSTRAINT notification_once_per_event DO NOTHING""")
                .param("recipient", recipient.value()).param("kind", kind.name())
                .param("arguments", arguments.toArray(String[]::new)).param("link", link).param("event", eventKey)
                .param("at", Timestamp.from(at)).update() == 1;
    }

    @Transactional(readOnly = true)
    public int unread(UserId recipient) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = :recipient AND read_at IS NULL")
                .param("recipient", recipient.value()).query(Integer.class).single();
    }

    @Transactional(readOnly = true)
    public List<Notice> latest(UserId recipient, int limit) {
        return jdbc.sql("""
                SELECT id, kind, arguments, link, created_at, read_at FROM notification WHERE recipient_id = :recipient
                ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("recipient", recipient.value()).param("limit", limit)
                .query(JdbcNotifications::notice).list();
    }

    /** Marks the recipient's own notification read; answers false when there is no such unread one of theirs. */
    public boolean markRead(UserId recipient, long id, Instant at) {
        return jdbc.sql("UPDATE notification SET read_at = :at WHERE id = :id AND recipient_id = :recipient AND read_at IS NULL")
                .param("id", id).param("recipient", recipient.value()).param("at", Timestamp.from(at)).update() == 1;
    }

    public int markAllRead(UserId recipient, Instant at) {
        return jdbc.sql("UPDATE notification SET read_at = :at WHERE recipient_id = :recipient AND read_at IS NULL")
                .param("recipient", recipient.value()).param("at", Timestamp.from(at)).update();
    }

    private static Notice notice(ResultSet row, int number) throws SQLException {
        var read = row.getTimestamp("read_at");
        return new Notice(row.getLong("id"), NoticeKind.valueOf(row.getString("kind")),
                Arrays.asList((String[]) row.getArray("arguments").getArray()), row.getString("link"),
                row.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
    }
}
