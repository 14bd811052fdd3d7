package org.unstuck.domain.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.progress.CaseStatus;

/**
 * Builds a meeting agenda: deteriorating cases first, then stalled ones (each group with the
 * longest-flagged first), then decisions whose follow-up is due; a case appears once.
 */
public final class AgendaBuilder {

    /** A case as the review board shows it: its status and since when it has had that status. */
    public record CaseOnBoard(CaseId caseId, CaseStatus status, LocalDate statusSince) {
    }

    private AgendaBuilder() {
    }

    public static List<AgendaItem> build(List<CaseOnBoard> cases, List<Decision> decisions, LocalDate meetingDate) {
        var items = new ArrayList<AgendaItem>();
        var included = new HashSet<CaseId>();
        cases.stream()
                .filter(board -> board.status() == CaseStatus.RISK || board.status() == CaseStatus.DETERIORATING
                        || board.status() == CaseStatus.STALLED)
                .sorted(Comparator.comparing(CaseOnBoard::status).reversed().thenComparing(CaseOnBoard::statusSince))
                .forEach(board -> {
                    if (included.add(board.caseId())) {
                        items.add(new AgendaItem(board.caseId(), AgendaItem.Why.valueOf(board.status().name()), null));
                    }
                });
        decisions.stream()
                .filter(decision -> decision.isFollowUpDue(meetingDate))
                .sorted(Comparator.comparing(Decision::followUpOn))
                .forEach(decision -> {
                    if (included.add(decision.caseId())) {
                        items.add(new AgendaItem(decision.caseId(), AgendaItem.Why.FOLLOW_UP_DUE, decision.id()));
                    }
                });
        return items;
    }
}
