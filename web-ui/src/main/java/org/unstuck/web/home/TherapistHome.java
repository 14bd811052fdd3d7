package org.unstuck.web.home;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.credential.ComplianceStatus;
import org.unstuck.domain.credential.CpdStatus;
import org.unstuck.domain.credential.RequirementStatus;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.review.ReviewMeeting;
import org.unstuck.domain.review.ReviewMeetings;
import org.unstuck.persistence.board.BoardFilter;
import org.unstuck.persistence.board.CaseBoards;
import org.unstuck.persistence.board.CaseRow;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.credential.CredentialService;
import org.unstuck.web.review.ReferralRow;
import org.unstuck.web.review.ReferralService;
import org.unstuck.web.security.CurrentActor;

/** What needs a therapist now: their flagged cases, referrals to answer, notes owed, credentials ending, the next meeting. */
@Service
public class TherapistHome {

    /** More flagged cases than this are left to the caseload, which the home links to. */
    static final int MOST_SHOWN = 50;

    /**
     * @param flagged the therapist's open flagged cases, most severe first, at most {@value #MOST_SHOWN}
     * @param notesOwed stalled or deteriorating cases with no reflective note since that status began
     * @param credentialsEnding required credentials not valid, or ending within the policy's warning window
     * @param cpdShort the CPD hours when short of the policy, else none
     * @param now when the home was read, to tell overdue risk alerts
     */
    public record Contents(List<CaseRow> flagged, List<ReferralRow> referrals, List<CaseRow> notesOwed,
            List<RequirementStatus> credentialsEnding, @Nullable CpdStatus cpdShort, int warningDays,
            @Nullable NextMeeting nextMeeting, Instant now) {
    }

    private final CurrentActor currentActor;
    private final CaseBoards boards;
    private final ReferralService referrals;
    private final CredentialService credentials;
    private final ReviewMeetings meetings;
    private final UserAccounts accounts;
    private final AuditRecorder audit;
    private final Clock clock;

    TherapistHome(CurrentActor currentActor, CaseBoards boards, ReferralService referrals, CredentialService credentials,
            ReviewMeetings meetings, UserAccounts accounts, AuditRecorder audit, Clock clock) {
        this.currentActor = currentActor;
        this.boards = boards;
        this.referrals = referrals;
        this.credentials = credentials;
        this.meetings = meetings;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @RolesAllowed("THERAPIST")
    @Transactional
    public Contents read() {
        var me = currentActor.account();
        var id = Objects.requireNonNull(me.id());
        var today = LocalDate.now(clock);
        var flagged = boards.caseload(id, BoardFilter.everything(), false, today, 0, MOST_SHOWN).stream()
                .filter(row -> row.status().isFlagged())
                .toList();
        var notesOwed = boards.notesOwed(id, today, clock.getZone());
        var mine = credentials.of(me.username().value());
        var ending = mine.compliance().requirements().stream()
                .filter(requirement -> requirement.status() != ComplianceStatus.VALID)
                .sorted(Comparator.comparing(RequirementStatus::status).reversed())
                .toList();
        var cpd = mine.compliance().cpd();
        var waiting = referrals.waitingForMe();
        audit.allowed("home.read", null, flagged.size() + " flagged cases, " + notesOwed.size() + " notes owed");
        return new Contents(flagged, waiting, notesOwed, ending, cpd.isShort() ? cpd : null, mine.policy().warningDays(),
                meetings.nextAttendedBy(id, today).map(meeting -> shown(meeting, id, today)).orElse(null), clock.instant());
    }

    private NextMeeting shown(ReviewMeeting meeting, UserId me, LocalDate today) {
        var onAgenda = meeting.agenda().stream().map(item -> item.caseId().value()).toList();
        var own = boards.rowsOf(onAgenda, today).values().stream()
                .filter(row -> row.therapistId() == me.value())
                .sorted(Comparator.comparing(CaseRow::caseId))
                .map(row -> new NextMeeting.OwnCase(row.caseId(), row.clientCode()))
                .toList();
        var heldBy = accounts.find(meeting.supervisor()).map(account -> account.displayName()).orElse("");
        return new NextMeeting(Objects.requireNonNull(meeting.id()).value(), meeting.date(), meeting.startsAt(),
                meeting.place(), heldBy, meeting.agenda().size(), own);
    }
}
