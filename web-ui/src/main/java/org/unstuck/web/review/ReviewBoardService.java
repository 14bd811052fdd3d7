package org.unstuck.web.review;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.practice.SupervisionPairs;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.persistence.board.BoardFilter;
import org.unstuck.persistence.board.CaseBoards;
import org.unstuck.persistence.board.BoardRow;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.practice.PersonRow;
import org.unstuck.web.security.CurrentActor;

/** The supervisor's board: their supervisees' open cases, most severe first, read from the stored assessments. */
@Service
@Transactional(readOnly = true)
public class ReviewBoardService {

    private final CurrentActor currentActor;
    private final CaseBoards boards;
    private final SupervisionPairs supervision;
    private final AuditRecorder audit;
    private final Clock clock;

    ReviewBoardService(CurrentActor currentActor, CaseBoards boards, SupervisionPairs supervision, AuditRecorder audit,
            Clock clock) {
        this.currentActor = currentActor;
        this.boards = boards;
        this.supervision = supervision;
        this.audit = audit;
        this.clock = clock;
    }

    @RolesAllowed("SUPERVISOR")
    @Transactional
    public List<BoardRow> page(BoardFilter filter, int offset, int limit) {
        var rows = boards.reviewBoardPage(currentActor.actor().id(), filter, LocalDate.now(clock), offset, limit);
        if (offset == 0) {
            audit.allowed("board.read", null, rows.size() + " cases");
        }
        return rows;
    }

    /** The practice's time now, against which a page tells overdue risk alerts. */
    @RolesAllowed("SUPERVISOR")
    public Instant now() {
        return clock.instant();
    }

    @RolesAllowed("SUPERVISOR")
    public int size(BoardFilter filter) {
        return boards.reviewBoardSize(currentActor.actor().id(), filter);
    }

    /** How many cases the filter shows carry each reason, whichever reasons it is limited to. */
    @RolesAllowed("SUPERVISOR")
    public Map<StallReason, Integer> casesPerReason(BoardFilter filter) {
        return boards.reviewBoardReasons(currentActor.actor().id(), filter);
    }

    /** The therapists the board covers, for its filter. */
    @RolesAllowed("SUPERVISOR")
    public List<PersonRow> supervisees() {
        return supervision.superviseesOf(currentActor.actor().id()).stream()
                .map(account -> new PersonRow(account.displayName(), account.username().value(), account.roles(),
                        account.enabled(), List.of()))
                .toList();
    }

    /** The user id behind a supervisee's username, for filtering by therapist. */
    @RolesAllowed("SUPERVISOR")
    public long superviseeId(String username) {
        return supervision.superviseesOf(currentActor.actor().id()).stream()
                .filter(account -> account.username().value().equals(username))
                .map(account -> account.id().value())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not one of your supervisees: " + username));
    }
}
