package org.unstuck.web.review;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.measure.MeasureCode;
import org.unstuck.domain.measure.Measures;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.DecisionOutcome;
import org.unstuck.domain.review.Decisions;
import org.unstuck.domain.review.WhatWorks;
import org.unstuck.persistence.board.CaseBoards;
import org.unstuck.persistence.board.CaseRow;
import org.unstuck.reports.decision.DecisionLogReport;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.common.ReportPeriod;
import org.unstuck.web.security.CurrentActor;

/**
 * What became of decisions: for a supervisor, each of their team's decisions whose follow-up has
 * come, with the case's status then and now; across the practice, which decision types and
 * approaches get stalled cases moving.
 */
@Service
@Transactional(readOnly = true)
public class FollowUpService {

    private final CurrentActor currentActor;
    private final Decisions decisions;
    private final CaseBoards boards;
    private final Measures measures;
    private final UserAccounts accounts;
    private final AuditRecorder audit;
    private final Clock clock;

    FollowUpService(CurrentActor currentActor, Decisions decisions, CaseBoards boards, Measures measures,
            UserAccounts accounts, AuditRecorder audit, Clock clock) {
        this.currentActor = currentActor;
        this.decisions = decisions;
        this.boards = boards;
        this.measures = measures;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A decision due for follow-up, and whether its case moved since. */
    public record FollowUpRow(long caseId, String clientCode, String therapist, Decision decision, DecisionOutcome outcome) {
    }

    /** A decision with its case as the board shows it now. */
    private record OnCase(Decision decision, CaseRow theCase) {

        UserId therapist() {
            return new UserId(theCase.therapistId());
        }

        /** The approach the decision put the case on: the new one for a change of approach, else the case's own. */
        Approach approach() {
            return decision.details() instanceof DecisionDetails.ChangeApproach change ? change.to()
                    : new Approach(theCase.approach());
        }
    }

    @RolesAllowed("SUPERVISOR")
    @Transactional
    public List<FollowUpRow> dueForMyTeam() {
        var actor = currentActor.actor();
        var catalogue = measures.catalogue();
        var rows = onTheirCases(decisions.followUpsDueBy(LocalDate.now(clock))).stream()
                .filter(followed -> actor.supervises(followed.therapist()))
                .map(followed -> new FollowUpRow(followed.theCase().caseId(), followed.theCase().clientCode(),
                        followed.theCase().therapistName(), followed.decision(), outcome(followed, catalogue)))
                .toList();
        audit.allowed("follow-ups.read", null, rows.size() + " decisions");
        return rows;
    }

    /**
     * Decisions and their outcomes for a period: for a supervisor, each decision on their team's cases
     * and the practice's what-works summary; for the practice manager, who sees no single case, the
     * summary alone.
     */
    @RolesAllowed({"SUPERVISOR", "PRACTICE_MANAGER"})
    @Transactional
    public DecisionLogReport decisionReport(ReportPeriod period) {
        var actor = currentActor.actor();
        var today = LocalDate.now(clock);
        ReportPeriod.of(period.from(), period.to(), today);
        var catalogue = measures.catalogue();
        var decided = onTheirCases(decisions.decidedBetween(period.from(), period.to()));
        // A correction is decided after what it corrects, so every correction of the period's decisions is in this read.
        var corrected = decisions.decidedBetween(period.from(), today).stream().map(Decision::supersedes)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        var summary = whatWorks(decided.stream()
                .filter(followed -> followed.decision().isFollowUpDue(today) && !corrected.contains(followed.decision().id()))
                .toList(), catalogue);
        var individual = actor.is(Role.SUPERVISOR);
        var rows = new ArrayList<DecisionLogReport.Row>();
        if (individual) {
            var names = accounts.displayNames();
            for (var followed : decided) {
                if (actor.supervises(followed.therapist())) {
                    var decision = followed.decision();
                    rows.add(new DecisionLogReport.Row(followed.theCase().clientCode(), followed.theCase().therapistName(),
                            names.getOrDefault(decision.owner(), ""), decision,
                            decision.isFollowUpDue(today) ? outcome(followed, catalogue) : null));
                }
            }
        }
        audit.allowed("report.decisions", null, period.from() + " to " + period.to() + ", "
                + (individual ? rows.size() + " decisions" : "summary only"));
        return new DecisionLogReport(period.from(), period.to(), today, individual, rows, summary);
    }

    /** Across the practice: per decision type and approach, how many flagged cases improved by their follow-up. */
    @RolesAllowed("SUPERVISOR")
    public List<WhatWorks.Row> whatWorks() {
        return whatWorks(onTheirCases(decisions.followUpsDueBy(LocalDate.now(clock))), measures.catalogue());
    }

    private List<WhatWorks.Row> whatWorks(List<OnCase> followedUp, MeasureCatalogue catalogue) {
        return WhatWorks.summarise(followedUp.stream()
                .map(followed -> new WhatWorks.FollowedUp(followed.decision().type(), followed.approach(),
                        outcome(followed, catalogue)))
                .toList());
    }

    /** The decisions with their cases, read in one statement however many there are. */
    private List<OnCase> onTheirCases(List<Decision> list) {
        var rows = boards.rowsOf(list.stream().map(decision -> decision.caseId().value()).distinct().toList(),
                LocalDate.now(clock));
        return list.stream()
                .filter(decision -> rows.containsKey(decision.caseId().value()))
                .map(decision -> new OnCase(decision, rows.get(decision.caseId().value())))
                .toList();
    }

    /** Status and latest primary score now, against those recorded with the decision. */
    private static DecisionOutcome outcome(OnCase followed, MeasureCatalogue catalogue) {
        var betterWhen = catalogue.find(new MeasureCode(followed.theCase().measureCode())).orElseThrow().betterWhen();
        return DecisionOutcome.of(followed.decision(), followed.theCase().status(), followed.theCase().latestPrimary(),
                betterWhen);
    }
}
