package org.unstuck.web.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.credential.ComplianceStatus;
import org.unstuck.domain.notification.NoticeKind;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.persistence.board.PracticeOverview;

/**
 * Tells a therapist and the practice managers when a required credential comes within 60, 30 and
 * 7 days of its end, once for each of those marks; run by the nightly job, so a credential is
 * never missed because nobody opened the credentials board.
 */
@Component
public class CredentialReminders {

    /** The marks before a credential's end at which it is announced, nearest first. */
    static final List<Integer> DAYS_BEFORE = List.of(7, 30, 60);

    private final PracticeOverview overview;
    private final UserAccounts accounts;
    private final Notifications notifications;
    private final Clock clock;

    CredentialReminders(PracticeOverview overview, UserAccounts accounts, Notifications notifications, Clock clock) {
        this.overview = overview;
        this.accounts = accounts;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Sends the reminders due today that were not sent before; answers how many were sent. */
    @Transactional
    public int remind() {
        var today = LocalDate.now(clock);
        var managers = accounts.all().stream()
                .filter(account -> account.enabled() && account.hasRole(Role.PRACTICE_MANAGER))
                .map(UserAccount::id).filter(Objects::nonNull).toList();
        var sent = 0;
        for (var therapist : overview.therapists(today)) {
            for (var requirement : therapist.compliance().requirements()) {
                var daysLeft = requirement.daysLeft();
                if (requirement.status() != ComplianceStatus.EXPIRING || daysLeft == null || requirement.validTo() == null) {
                    continue;
                }
                var mark = DAYS_BEFORE.stream().filter(days -> daysLeft <= days).findFirst();
                if (mark.isEmpty()) {
                    continue;
                }
                var arguments = List.of(requirement.type().name(), requirement.validTo().toString(),
                        mark.get().toString(), therapist.displayName());
                var event = "credential:" + therapist.therapistId() + ":" + requirement.type() + ":" + requirement.validTo()
                        + ":" + mark.get();
                var own = new UserId(therapist.therapistId());
                sent += notifications.send(own, NoticeKind.CREDENTIAL_ENDING, arguments, "my-credentials", event) ? 1 : 0;
                for (var manager : managers) {
                    sent += notifications.send(manager, NoticeKind.CREDENTIAL_ENDING, arguments,
                            "credentials/" + therapist.username(), event) ? 1 : 0;
                }
            }
        }
        return sent;
    }
}
