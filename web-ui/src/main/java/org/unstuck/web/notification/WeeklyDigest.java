package org.unstuck.web.notification;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.notification.MailKind;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.SupervisionPairs;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.review.Decisions;
import org.unstuck.domain.review.ReviewMeetings;
import org.unstuck.persistence.board.CaseBoards;

/**
 * Each Monday, every supervisor who wants it gets a digest of their team by e-mail: how many cases
 * were newly flagged in the last week, how many follow-ups are due by Sunday, and their next
 * meeting's day. Counts and a day only, never a client.
 */
@Service
public class WeeklyDigest {

    static final DayOfWeek SENT_ON = DayOfWeek.MONDAY;
    private static final int COUNTED_UP_TO = 1000;

    private final UserAccounts accounts;
    private final SupervisionPairs supervision;
    private final CaseBoards boards;
    private final Decisions decisions;
    private final Cases cases;
    private final ReviewMeetings meetings;
    private final Mailer mailer;
    private final Clock clock;

    WeeklyDigest(UserAccounts accounts, SupervisionPairs supervision, CaseBoards boards, Decisions decisions, Cases cases,
            ReviewMeetings meetings, Mailer mailer, Clock clock) {
        this.accounts = accounts;
        this.supervision = supervision;
        this.boards = boards;
        this.decisions = decisions;
        this.cases = cases;
        this.meetings = meetings;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Queues this week's digests if today is the day they go out; a second run the same day queues none again. */
    @Transactional
    public int queueIfDue() {
        var today = LocalDate.now(clock);
        if (today.getDayOfWeek() != SENT_ON || !mailer.enabled()) {
            return 0;
        }
        var sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        var therapistsOfDue = new ArrayList<UserId>();
        var therapistOfCase = new HashMap<CaseId, Optional<UserId>>();
        for (var decision : decisions.followUpsDueBy(sunday)) {
            therapistOfCase.computeIfAbsent(decision.caseId(), caseId -> cases.find(caseId).map(TherapyCase::therapist))
                    .ifPresent(therapistsOfDue::add);
        }
        var queued = 0;
        for (var supervisor : accounts.all()) {
            if (!supervisor.enabled() || !supervisor.roles().contains(Role.SUPERVISOR)) {
                continue;
            }
            var id = Objects.requireNonNull(supervisor.id());
            var team = new HashSet<UserId>();
            supervision.superviseesOf(id).stream().map(UserAccount::id).forEach(team::add);
            var followUps = therapistsOfDue.stream().filter(team::contains).count();
            var flagged = boards.flaggedSince(id, today.minusDays(7), today, COUNTED_UP_TO).size();
            var next = meetings.nextHeldBy(id, today).map(meeting -> meeting.date().toString()).orElse("");
            queued += mailer.queue(id, MailKind.WEEKLY_DIGEST, List.of(String.valueOf(flagged), String.valueOf(followUps), next),
                    "", "digest:" + today) ? 1 : 0;
        }
        return queued;
    }
}
