package org.unstuck.web.review;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
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
import org.unstuck.persistence.board.DecisionCourses;
import org.unstuck.reports.decision.DecisionLogReport;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.common.ReportPeriod;
import org.unstuck.web.security.CurrentActor;

/**
 * What became of decisions: for a supervisor, each of their team's decisions whose follow-up has
 * come, judged on the status in force on its follow-up date, with where the case stands now; across
 * the practice, which decision types and approaches get flagged cases moving, against the
 * practice's base rate.
 */
@Service
@Transactional(readOnly = true)
public class FollowUpService {

    private final CurrentActor currentActor;
    private final Decisions decisions;
    private final CaseBoards boards;
    private final DecisionCourses courses;
    private final Measures measures;
    private final UserAccounts accounts;
    private final AuditRecorder audit;
    private final Clock clock;

    FollowUpService(CurrentActor currentActor, Decisions decisions, CaseBoards boards, DecisionCourses courses,
            Measures measures, UserAccounts accounts, AuditRecorder audit, Clock clock) {
        this.currentActor = currentActor;
        this.decisions = decisions;
        this.boards = boards;
        this.courses = courses;
        this.measures = measures;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A decision due for follow-up, and whether its case moved by then. */
    public record FollowUpRow(long caseId, String clientCode, String therapist, Decision decision, DecisionOutcome outcome,
            boolean caseOpen) {
    }

    /** A decision with its case as the board shows it now, and its outcome once the follow-up date has come. */
    private record OnCase(Decision decision, CaseRow theCase, @Nullable DecisionOutcome outcome) {

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
        var rows = onTheirCases(decisions.followUpsDueBy(LocalDate.now(clock))).stream()
                .filter(followed -> actor.supervises(followed.therapist()))
                .map(followed -> new FollowUpRow(followed.theCase().caseId(), followed.theCase().clientCode(),
                        followed.theCase().therapistName(), followed.decision(), Objects.requireNonNull(followed.outcome()),
                        followed.theCase().open()))
                .sorted(Comparator.comparing((FollowUpRow row) -> row.decision().followUpOn()).reversed())
                .toList();
        audit.allowed("follow-ups.read", null, rows.size() + " decisions");
        return rows;
    }

    /**
     * Decisions and their outcomes for a period: for a supervisor, each decision on their team's cases
     * and the practice's what-works summary; for the practice manager, who sees no single case, the
     * summary alone, without any group of fewer than {@value WhatWorks#MIN_CASES} cases.
     */
    @RolesAllowed({"SUPERVISOR", "PRACTICE_MANAGER"})
    @Transactional
    public DecisionLogReport decisionReport(ReportPeriod period) {
        var actor = currentActor.actor();
        var today = LocalDate.now(clock);
        ReportPeriod.of(period.from(), period.to(), today);
        var decided = onTheirCases(decisions.decidedBetween(period.from(), period.to()));
        var individual = actor.is(Role.SUPERVISOR);
        var summary = whatWorks(period, decided, today);
        var rows = new ArrayList<DecisionLogReport.Row>();
        if (individual) {
            var names = accounts.displayNames();
            for (var followed : decided) {
                if (actor.supervises(followed.therapist())) {
                    var decision = followed.decision();
                    rows.add(new DecisionLogReport.Row(followed.theCase().clientCode(), followed.theCase().therapistName(),
                            names.getOrDefault(decision.owner(), ""), decision, followed.outcome()));
                }
            }
        }
        audit.allowed("report.decisions", null, period.from() + " to " + period.to() + ", "
                + (individual ? rows.size() + " decisions" : "summary only"));
        return new DecisionLogReport(period.from(), period.to(), today, individual, rows,
                individual ? summary : summary.withEnoughCases());
    }

    /**
     * Across the practice, for decisions made in the period: per decision type and approach, how many
     * flagged cases were less severe on their follow-up date, against the base rate; for the practice
     * manager without any group of fewer than {@value WhatWorks#MIN_CASES} cases.
     */
    @RolesAllowed({"SUPERVISOR", "PRACTICE_MANAGER"})
    @Transactional
    public WhatWorks.Summary whatWorks(ReportPeriod period) {
        var today = LocalDate.now(clock);
        ReportPeriod.of(period.from(), period.to(), today);
        var summary = whatWorks(period, onTheirCases(decisions.decidedBetween(period.from(), period.to())), today);
        var smallGroups = currentActor.actor().is(Role.SUPERVISOR);
        audit.allowed("what-works.read", null, period.from() + " to " + period.to() + ", " + summary.rows().size() + " groups"
                + (smallGroups ? "" : ", small groups left out"));
        return smallGroups ? summary : summary.withEnoughCases();
    }

    private WhatWorks.Summary whatWorks(ReportPeriod period, List<OnCase> decided, LocalDate today) {
        // A correction is decided after what it corrects, so every correction of the period's decisions is in this read.
        var corrected = decisions.decidedBetween(period.from(), today).stream().map(Decision::supersedes)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        var rows = WhatWorks.summarise(decided.stream()
                .filter(followed -> followed.outcome() != null && !corrected.contains(followed.decision().id()))
                .map(followed -> new WhatWorks.FollowedUp(followed.decision().type(), followed.approach(),
                        Objects.requireNonNull(followed.outcome())))
                .toList());
        return new WhatWorks.Summary(rows, courses.baseRate(period.from(), period.to(), today));
    }

    /**
     * The decisions with their cases and, for those whose follow-up date has come, what the history
     * says of them: two statements however many decisions there are.
     */
    private List<OnCase> onTheirCases(List<Decision> list) {
        var today = LocalDate.now(clock);
        var rows = boards.rowsOf(list.stream().map(decision -> decision.caseId().value()).distinct().toList(), today);
        var due = list.stream().filter(decision -> decision.isFollowUpDue(today)).map(Decision::id).filter(Objects::nonNull)
                .toList();
        var histories = courses.of(due, today);
        var catalogue = measures.catalogue();
        return list.stream()
                .filter(decision -> rows.containsKey(decision.caseId().value()))
                .map(decision -> {
                    var theCase = rows.get(decision.caseId().value());
                    var course = histories.get(decision.id());
                    return new OnCase(decision, theCase, course == null ? null : outcome(decision, theCase, course, catalogue));
                })
                .toList();
    }

    private static DecisionOutcome outcome(Decision decision, CaseRow theCase, DecisionOutcome.Course course,
            MeasureCatalogue catalogue) {
        var betterWhen = catalogue.find(new MeasureCode(theCase.measureCode())).orElseThrow().betterWhen();
        return DecisionOutcome.of(decision, course, betterWhen);
    }
}
