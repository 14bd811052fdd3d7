package org.unstuck.persistence.notification;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.notification.NoticeKind;

/**
 * One notification as its recipient reads it.
 *
 * @param kind what it is about, which says how its arguments are worded
 * @param link the screen where it is dealt with
 */
public record Notice(long id, NoticeKind kind, List<String> arguments, String link, Instant createdAt,
        @Nullable Instant readAt) {

    public Notice {
        arguments = List.copyOf(arguments);
    }

    public boolean unread() {
        return readAt == null;
    }
}
