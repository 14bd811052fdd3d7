package org.unstuck.web.review;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.access.AccessPolicy;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.measure.MeasureCode;
import org.unstuck.domain.measure.Measures;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.DecisionId;
import org.unstuck.domain.review.DecisionOutcome;
import org.unstuck.domain.review.Decisions;
import org.unstuck.domain.review.FollowUpReview;
import org.unstuck.domain.review.FollowUpReviews;
import org.unstuck.domain.review.Referral;
import org.unstuck.domain.review.Referrals;
import org.unstuck.domain.review.WhatWorks;
import org.unstuck.persistence.board.CaseBoards;
import org.unstuck.persistence.board.CaseRow;
import org.unstuck.persistence.board.DecisionCourses;
import org.unstuck.reports.decision.DecisionLogReport;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.common.CaseNotFoundException;
import org.unstuck.web.common.DecisionWording;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.common.ReportPeriod;
import org.unstuck.web.common.Texts;
import org.unstuck.web.security.CurrentActor;

/**
 * What became of decisions: for a supervisor, each of their team's decisions whose follow-up has
 * come and that no later decision answers, judged on the status in force on its follow-up date,
 * with where the case stands now, and each referral declined since; marking one reviewed with no
 * change takes it off the list. Across
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
    private final Cases cases;
    private final Referrals referrals;
    private final FollowUpReviews reviews;
    private final AuditRecorder audit;
    private final Clock clock;

    FollowUpService(CurrentActor currentActor, Decisions decisions, CaseBoards boards, DecisionCourses courses,
            Measures measures, UserAccounts accounts, Cases cases, Referrals referrals, FollowUpReviews reviews,
            AuditRecorder audit, Clock clock) {
        this.currentActor = currentActor;
        this.decisions = decisions;
        this.boards = boards;
        this.courses = courses;
        this.measures = measures;
        this.accounts = accounts;
        this.cases = cases;
        this.referrals = referrals;
        this.reviews = reviews;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A decision due for follow-up, and whether its case moved by then.
     *
     * @param approach the case's approach now, for a follow-up decision recorded from the row
     * @param colleague the colleague a referral names, else empty
     * @param declined the referral the decision made, when the colleague declined it
     * @param outcome null for a referral declined before the follow-up date came
     * @param review for a follow-up no longer due, its latest review
     * @param answering the later decision that answered it, named in the review
     * @param answeringColleague the colleague the answering decision refers to, else empty
     */
    public record FollowUpRow(long caseId, String clientCode, String therapist, String approach, Decision decision,
            String colleague, @Nullable DeclinedReferral declined, @Nullable DecisionOutcome outcome, boolean caseOpen,
            @Nullable FollowUpReview review, @Nullable Decision answering, String answeringColleague) {

        public boolean isDue() {
            return review == null;
        }
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

    /** The team's follow-ups due now, the newest first. */
    @RolesAllowed("SUPERVISOR")
    @Transactional
    public List<FollowUpRow> dueForMyTeam() {
        var rows = rows(decisions.followUpsDueBy(LocalDate.now(clock)), Map.of(), Map.of());
        audit.allowed("follow-ups.read", null, rows.size() + " decisions");
        return rows;
    }

    /** The team's follow-ups that come due by the end of this week, those overdue included, the earliest first. */
    @RolesAllowed("SUPERVISOR")
    @Transactional
    public List<FollowUpRow> dueThisWeek() {
        var sunday = LocalDate.now(clock).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        var rows = rows(decisions.followUpsDueBy(sunday), Map.of(), Map.of()).stream()
                .sorted(Comparator.comparing((FollowUpRow row) -> row.decision().followUpOn()))
                .toList();
        audit.allowed("follow-ups.read", null, rows.size() + " decisions due this week");
        return rows;
    }

    /**
     * The team's follow-ups due now, then those whose date came within the last year and that a
     * later decision or a review answered, each with how: the newest first in each part.
     */
    @RolesAllowed("SUPERVISOR")
    @Transactional
    public List<FollowUpRow> ofMyTeam() {
        var today = LocalDate.now(clock);
        var due = rows(decisions.followUpsDueBy(today), Map.of(), Map.of());
        var dueIds = due.stream().map(row -> row.decision().id()).collect(Collectors.toSet());
        var candidates = decisions.decidedBetween(today.minusYears(1).minusWeeks(5), today).stream()
                .filter(decision -> decision.isFollowUpDue(today) && !decision.followUpOn().isBefore(today.minusYears(1))
                        && !dueIds.contains(decision.id()))
                .toList();
        var latest = reviews.latestOf(candidates.stream().map(Decision::id).filter(Objects::nonNull).toList());
        var answering = new HashMap<DecisionId, Decision>();
        latest.values().stream().map(FollowUpReview::answeredBy).filter(Objects::nonNull).distinct()
                .forEach(id -> decisions.find(id).ifPresent(found -> answering.put(id, found)));
        var answered = rows(candidates.stream().filter(decision -> latest.containsKey(decision.id())).toList(), latest,
                answering);
        var all = new ArrayList<>(due);
        all.addAll(answered);
        audit.allowed("follow-ups.read", null, due.size() + " decisions due, " + answered.size() + " answered");
        return all;
    }

    private List<FollowUpRow> rows(List<Decision> list, Map<DecisionId, FollowUpReview> latest,
            Map<DecisionId, Decision> answering) {
        var actor = currentActor.actor();
        var mine = onTheirCases(list).stream().filter(followed -> actor.supervises(followed.therapist())).toList();
        var referred = referrals.ofDecisions(mine.stream().map(followed -> followed.decision().id()).toList());
        var names = names(Stream.concat(mine.stream().map(followed -> followed.decision()), answering.values().stream())
                .map(Decision::details)
                .filter(details -> details instanceof DecisionDetails.ReferToColleague)
                .map(details -> ((DecisionDetails.ReferToColleague) details).colleague()).toList());
        return mine.stream()
                .map(followed -> {
                    var decision = followed.decision();
                    var review = latest.get(decision.id());
                    var answeredBy = review == null || review.answeredBy() == null ? null : answering.get(review.answeredBy());
                    return new FollowUpRow(followed.theCase().caseId(), followed.theCase().clientCode(),
                            followed.theCase().therapistName(), followed.theCase().approach(), decision,
                            colleagueOf(decision, names), declined(referred.get(decision.id()), colleagueOf(decision, names)),
                            followed.outcome(), followed.theCase().open(), review, answeredBy,
                            answeredBy == null ? "" : colleagueOf(answeredBy, names));
                })
                .sorted(Comparator.comparing((FollowUpRow row) -> row.declined() == null ? row.decision().followUpOn()
                        : row.declined().on()).reversed())
                .toList();
    }

    private static String colleagueOf(Decision decision, Map<UserId, String> names) {
        return decision.details() instanceof DecisionDetails.ReferToColleague refer ? names.getOrDefault(refer.colleague(), "")
                : "";
    }

    /**
     * Marks a due follow-up reviewed with no change, with an optional note: it leaves the list of
     * follow-ups due and stays in the record. Only a supervisor of the case's therapist does so.
     */
    @RolesAllowed("SUPERVISOR")
    @Transactional
    public void markReviewed(long decisionNumber, @Nullable String note) {
        var actor = currentActor.actor();
        var decision = decisionNumber > 0 ? decisions.find(new DecisionId(decisionNumber)).orElse(null) : null;
        var theCase = decision == null ? null : cases.find(decision.caseId()).orElse(null);
        if (decision == null || theCase == null || !AccessPolicy.mayReadCase(actor, theCase)) {
            audit.refused("follow-up.review", theCase == null ? null : theCase.id(), "decision " + decisionNumber);
            throw new CaseNotFoundException(decisionNumber);
        }
        if (!AccessPolicy.mayDecideOnCase(actor, theCase)) {
            audit.refused("follow-up.review", theCase.id(), "decision " + decisionNumber);
            throw new AccessDeniedException("Only a supervisor of the case's therapist reviews its follow-ups");
        }
        if (note != null && note.strip().length() > FollowUpReview.MAX_NOTE) {
            throw new InvalidEntryException(Map.of("note", "The note is at most " + FollowUpReview.MAX_NOTE + " characters."));
        }
        if (!reviews.openOn(decision.caseId()).contains(decision.id())) {
            throw new InvalidEntryException(Map.of("note",
                    "This follow-up is already reviewed or superseded by a correction; nothing was changed."));
        }
        reviews.record(FollowUpReview.noChange(Objects.requireNonNull(decision.id()), actor.id(), clock.instant(),
                LocalDate.now(clock), note));
        audit.allowed("follow-up.review", decision.caseId(), "decision " + decisionNumber + ", no change");
    }

    private @Nullable DeclinedReferral declined(@Nullable Referral referral, String colleague) {
        return referral == null || referral.state() != Referral.State.DECLINED || referral.answeredAt() == null ? null
                : new DeclinedReferral(colleague, LocalDate.ofInstant(referral.answeredAt(), clock.getZone()),
                        Objects.requireNonNullElse(referral.declineReason(), ""));
    }

    /** The display names of a few people, one look-up each: never every account of the practice. */
    private Map<UserId, String> names(Collection<UserId> people) {
        var names = new HashMap<UserId, String>();
        for (var person : Set.copyOf(people)) {
            accounts.find(person).map(UserAccount::displayName).ifPresent(name -> names.put(person, name));
        }
        return names;
    }

    /**
     * Decisions and their outcomes for a period: for a supervisor, each decision on their team's cases
     * and the practice's what-works summary; for the practice manager, who sees no single case, the
     * summary alone, without any group of fewer than {@value WhatWorks#MIN_CASES} cases.
     */
    @RolesAllowed({"SUPERVISOR", "PRACTICE_MANAGER"})
    @Transactional
    public DecisionLogReport decisionReport(ReportPeriod period, Texts texts) {
        var actor = currentActor.actor();
        var today = LocalDate.now(clock);
        ReportPeriod.of(period.from(), period.to(), today);
        var decided = onTheirCases(decisions.decidedBetween(period.from(), period.to()));
        var individual = actor.is(Role.SUPERVISOR);
        var summary = whatWorks(period, decided, today);
        var rows = new ArrayList<DecisionLogReport.Row>();
        if (individual) {
            var mine = decided.stream().filter(followed -> actor.supervises(followed.therapist())).toList();
            var names = names(mine.stream().flatMap(followed -> {
                var decision = followed.decision();
                return decision.details() instanceof DecisionDetails.ReferToColleague refer
                        ? Stream.of(decision.owner(), refer.colleague())
                        : Stream.of(decision.owner());
            }).toList());
            var supersededOn = supersededOn(period, today);
            for (var followed : mine) {
                var decision = followed.decision();
                rows.add(new DecisionLogReport.Row(followed.theCase().clientCode(), followed.theCase().therapistName(),
                        names.getOrDefault(decision.owner(), ""), decision,
                        DecisionWording.what(texts, decision.details(), person -> names.getOrDefault(person, "")),
                        supersededOn.get(decision.id()), followed.outcome()));
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

    /** The day each decision of the period was corrected, by the decision corrected. */
    private Map<DecisionId, LocalDate> supersededOn(ReportPeriod period, LocalDate today) {
        // A correction is decided after what it corrects, so every correction of the period's decisions is in this read.
        var corrections = new HashMap<DecisionId, LocalDate>();
        for (var later : decisions.decidedBetween(period.from(), today)) {
            if (later.supersedes() != null) {
                corrections.merge(later.supersedes(), later.decidedOn(), (first, second) -> first.isBefore(second) ? first : second);
            }
        }
        return corrections;
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
