package org.unstuck.web.review;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.ProgressSnapshots;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.DecisionOutcome;
import org.unstuck.domain.review.Decisions;
import org.unstuck.domain.review.WhatWorks;
import org.unstuck.persistence.board.CaseTrajectories;
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
    private final Cases cases;
    private final ProgressSnapshots snapshots;
    private final CaseTrajectories trajectories;
    private final UserAccounts accounts;
    private final AuditRecorder audit;
    private final Clock clock;

    FollowUpService(CurrentActor currentActor, Decisions decisions, Cases cases, ProgressSnapshots snapshots,
            CaseTrajectories trajectories, UserAccounts accounts, AuditRecorder audit, Clock clock) {
        this.currentActor = currentActor;
        this.decisions = decisions;
        this.cases = cases;
        this.snapshots = snapshots;
        this.trajectories = trajectories;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A decision due for follow-up, and whether its case moved since. */
    public record FollowUpRow(long caseId, String clientCode, String therapist, Decision decision, DecisionOutcome outcome) {
    }

    @RolesAllowed("SUPERVISOR")
    @Transactional
    public List<FollowUpRow> dueForMyTeam() {
        var actor = currentActor.actor();
        var names = accounts.displayNames();
        var rows = new ArrayList<FollowUpRow>();
        for (var decision : decisions.followUpsDueBy(LocalDate.now(clock))) {
            var theCase = cases.find(decision.caseId()).orElse(null);
            if (theCase == null || !actor.supervises(theCase.therapist())) {
                continue;
            }
            var therapist = names.getOrDefault(theCase.therapist(), "");
            rows.add(new FollowUpRow(decision.caseId().value(), theCase.client().value(), therapist, decision,
                    outcome(decision, theCase)));
        }
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
        var decided = decisions.decidedBetween(period.from(), period.to());
        var cased = new ArrayList<Map.Entry<Decision, TherapyCase>>();
        for (var decision : decided) {
            cases.find(decision.caseId()).ifPresent(theCase -> cased.add(Map.entry(decision, theCase)));
        }
        var summary = WhatWorks.summarise(cased.stream()
                .filter(entry -> entry.getKey().isFollowUpDue(today))
                .map(entry -> new WhatWorks.FollowedUp(entry.getKey().type(), approachOf(entry.getKey(), entry.getValue()),
                        outcome(entry.getKey(), entry.getValue())))
                .toList());
        var individual = actor.is(Role.SUPERVISOR);
        var rows = new ArrayList<DecisionLogReport.Row>();
        if (individual) {
            var names = accounts.displayNames();
            for (var entry : cased) {
                var decision = entry.getKey();
                var theCase = entry.getValue();
                if (actor.supervises(theCase.therapist())) {
                    rows.add(new DecisionLogReport.Row(theCase.client().value(), names.getOrDefault(theCase.therapist(), ""),
                            names.getOrDefault(decision.owner(), ""), decision,
                            decision.isFollowUpDue(today) ? outcome(decision, theCase) : null));
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
        var followedUp = decisions.followUpsDueBy(LocalDate.now(clock)).stream()
                .map(decision -> cases.find(decision.caseId())
                        .map(theCase -> new WhatWorks.FollowedUp(decision.type(), approachOf(decision, theCase),
                                outcome(decision, theCase)))
                        .orElse(null))
                .filter(Objects::nonNull)
                .toList();
        return WhatWorks.summarise(followedUp);
    }

    /** The approach the decision put the case on: the new one for a change of approach, else the case's own. */
    private static Approach approachOf(Decision decision, TherapyCase theCase) {
        return decision.details() instanceof DecisionDetails.ChangeApproach change ? change.to() : theCase.approach();
    }

    private DecisionOutcome outcome(Decision decision, TherapyCase theCase) {
        var now = snapshots.latest(Objects.requireNonNull(theCase.id())).map(snapshot -> snapshot.status())
                .orElse(CaseStatus.INSUFFICIENT_DATA);
        return DecisionOutcome.of(decision, now, latestPrimaryScore(theCase), theCase.primaryMeasure().betterWhen());
    }

    private @Nullable Double latestPrimaryScore(TherapyCase theCase) {
        var code = theCase.primaryMeasure().code().value();
        return trajectories.of(Objects.requireNonNull(theCase.id())).stream()
                .filter(point -> point.measureCode().equals(code))
                .reduce((first, second) -> second)
                .map(point -> point.score())
                .orElse(null);
    }
}
