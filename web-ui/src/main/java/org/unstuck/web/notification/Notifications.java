package org.unstuck.web.notification;

import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.notification.MailKind;
import org.unstuck.domain.notification.NoticeKind;
import org.unstuck.domain.practice.SupervisionPairs;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.review.Referral;
import org.unstuck.persistence.notification.JdbcNotifications;
import org.unstuck.persistence.notification.Notice;
import org.unstuck.web.security.CurrentUser;

/** Sends notifications as things happen, in the app and by e-mail, and gives each person theirs: no one reads another's. */
@Service
public class Notifications {

    static final int SHOWN = 50;

    private final JdbcNotifications store;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final SupervisionPairs supervision;
    private final Mailer mailer;

    Notifications(JdbcNotifications store, CurrentUser currentUser, Clock clock, SupervisionPairs supervision, Mailer mailer) {
        this.store = store;
        this.currentUser = currentUser;
        this.clock = clock;
        this.supervision = supervision;
        this.mailer = mailer;
    }

    /** Tells the colleague a case was referred to them, once per referral. */
    public void referralWaiting(Referral referral, String clientCode, String fromName) {
        send(referral.to(), NoticeKind.REFERRAL_WAITING, List.of(clientCode, fromName), "caseload",
                "referral:" + Objects.requireNonNull(referral.id()));
    }

    /** A case with a session that raised a risk alert: whom to tell, and the session's day. */
    public record RaisedRisk(CaseId caseId, String clientCode, UserId therapist, LocalDate sessionDate) {
    }

    /** Tells the case's therapist and each of their supervisors that a session raised a risk alert, once per session. */
    public void riskAlert(TherapyCase theCase, LocalDate sessionDate) {
        riskAlerts(List.of(new RaisedRisk(Objects.requireNonNull(theCase.id()), theCase.client().value(), theCase.therapist(),
                sessionDate)));
    }

    /** Tells of each case's risk alert as {@link #riskAlert} does, for many cases at once, as an import raises them. */
    public void riskAlerts(List<RaisedRisk> raised) {
        var supervisors = new HashMap<UserId, List<UserAccount>>();
        for (var risk : raised) {
            var recipients = new LinkedHashSet<UserId>();
            recipients.add(risk.therapist());
            supervisors.computeIfAbsent(risk.therapist(), supervision::supervisorsOf)
                    .forEach(supervisor -> recipients.add(Objects.requireNonNull(supervisor.id())));
            var caseId = risk.caseId().value();
            for (var recipient : recipients) {
                send(recipient, NoticeKind.RISK_ALERT, List.of(risk.clientCode()), "cases/" + caseId,
                        "risk:" + caseId + ":" + risk.sessionDate());
            }
        }
    }

    /** Notifies the person in the app and queues the same by e-mail, once per event; answers whether it was new. */
    boolean send(UserId recipient, NoticeKind kind, List<String> arguments, String link, String eventKey) {
        var sent = store.send(recipient, kind, arguments, link, eventKey, clock.instant());
        if (sent) {
            mailer.queue(recipient, MailKind.of(kind), arguments, link, eventKey);
        }
        return sent;
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
