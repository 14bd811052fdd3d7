package org.unstuck.web.notification;

import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.notification.NoticeKind;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.review.Referral;
import org.unstuck.persistence.notification.JdbcNotifications;
import org.unstuck.persistence.notification.Notice;
import org.unstuck.web.security.CurrentUser;

/** Sends notifications as things happen, and gives each person theirs: no one reads another's. */
@Service
public class Notifications {

    static final int SHOWN = 50;

    private final JdbcNotifications store;
    private final CurrentUser currentUser;
    private final Clock clock;

    Notifications(JdbcNotifications store, CurrentUser currentUser, Clock clock) {
        this.store = store;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Tells the colleague a case was referred to them, once per referral. */
    public void referralWaiting(Referral referral, String clientCode, String fromName) {
        store.send(referral.to(), NoticeKind.REFERRAL_WAITING, List.of(clientCode, fromName), "caseload",
                "referral:" + Objects.requireNonNull(referral.id()), clock.instant());
    }

    boolean send(UserId recipient, NoticeKind kind, List<String> arguments, String link, String eventKey) {
        return store.send(recipient, kind, arguments, link, eventKey, clock.instant());
    }

    @PermitAll
    @Transactional(readOnly = true)
    public int unread() {
        return store.unread(me());
    }

    /** The signed-in person's latest notifications, newest first. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<Notice> mine() {
        return store.latest(me(), SHOWN);
    }

    /** Marks one of the signed-in person's notifications read; another's, or one read already, stays as it is. */
    @PermitAll
    @Transactional
    public boolean markRead(long id) {
        return store.markRead(me(), id, clock.instant());
    }

    @PermitAll
    @Transactional
    public int markAllRead() {
        return store.markAllRead(me(), clock.instant());
    }

    private UserId me() {
        return currentUser.person().id();
    }
}
