package org.unstuck.web.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.caseload.ClientCode;
import org.unstuck.domain.caseload.ClosingReason;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.caseload.SessionVoid;
import org.unstuck.domain.caseload.Sessions;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.credential.CredentialPolicies;
import org.unstuck.domain.credential.Credentials;
import org.unstuck.domain.credential.TherapistCompliance;
import org.unstuck.domain.measure.Direction;
import org.unstuck.domain.measure.Measure;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.measure.Score;
import org.unstuck.domain.notes.NotePrompt;
import org.unstuck.domain.notes.ReflectiveNote;
import org.unstuck.domain.notes.ReflectiveNotes;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.AssessmentCause;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.AssessedStatus;
import org.unstuck.domain.progress.AssessmentHistory;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.AgendaItem;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.Decisions;
import org.unstuck.domain.review.MeetingId;
import org.unstuck.domain.review.FollowUpReview;
import org.unstuck.domain.review.FollowUpReviews;
import org.unstuck.domain.review.Referral;
import org.unstuck.domain.review.Referrals;
import org.unstuck.domain.review.ReviewMeeting;
import org.unstuck.domain.review.ReviewMeetings;
import org.unstuck.persistence.progress.CaseProgressUpdater;

/**
 * The demo practice's last twelve months, lived week by week through the product's own rules: cases
 * open, sessions are held and scored, every open case is re-assessed each week as the nightly job
 * would, supervisors hold a review meeting at the start of each month and decide on the stalled
 * cases of their teams, referrals are accepted and cases move, and courses end. What a decision does
 * to a course is drawn from fixed odds: a change of approach helps most stalled cases, continuing
 * with the plan fewer, and some cases worsen whatever is decided. The same seed lives the same year.
 */
final class DemoYear {

    /** Who works in the practice: the clinicians with caseloads, and each supervisor's team. */
    record Staff(List<UserId> clinicians, Map<UserId, List<UserId>> teams) {
    }

    /** What the year left behind, for the start-up log. */
    record Lived(int openCases, int finishedCases, int decisions, int meetings, int referrals) {
    }

    private enum Trend {
        IMPROVING, FLAT, WORSENING, DISENGAGING, WEAK_ALLIANCE
    }

    private static final int WEEKS = 56;
    private static final int WARM_UP_WEEKS = 4;
    /** Each therapist's newest stalled course opens this many weeks before today. */
    private static final int SHOWCASE_WEEKS = 8;
    /** One course of each therapist goes without its primary measure for this many weeks before today. */
    private static final int PRIMARY_MISSED_WEEKS = 2;
    private static final double INTAKES_PER_CLINICIAN_A_WEEK = 1.7;
    private static final List<String> FIRST_APPROACHES = List.of("CBT", "CBT", "CBT", "Counselling for depression",
            "Interpersonal therapy", "Psychodynamic");
    private static final List<String> NEXT_APPROACHES = List.of("Behavioural activation", "Compassion-focused therapy",
            "Behavioural activation", "EMDR");
    private static final List<String> PROBLEMS = List.of("Low mood", "Depression", "Generalised anxiety", "Panic attacks",
            "Post-traumatic stress", "Social anxiety", "Health anxiety", "Low self-esteem", "Grief", "Work stress");
    private static final LocalTime MEETING_TIME = LocalTime.of(14, 0);
    private static final String MEETING_PLACE = "Supervision room, first floor";
    private static final String CASELOAD_FULL = "My caseload is full until the new year; could a colleague with more "
            + "space take this client?";

    private final SplittableRandom random;
    private final LocalDate today;
    private final Clock clock;
    private final Cases cases;
    private final Sessions sessions;
    private final ReflectiveNotes notes;
    private final Credentials credentials;
    private final CredentialPolicies policies;
    private final Decisions decisions;
    private final Referrals referrals;
    private final FollowUpReviews reviews;
    private final ReviewMeetings meetings;
    private final CaseProgressUpdater progress;
    private final AssessmentHistory history;
    private final Map<CaseId, Course> open = new LinkedHashMap<>();
    /** The therapist of each course that has ended, so that a meeting can settle its follow-ups. */
    private final Map<CaseId, UserId> ended = new HashMap<>();
    private final List<PendingReferral> pendingReferrals = new ArrayList<>();
    private final Set<UserId> clinicians = new HashSet<>();
    private int clientNumber;
    private int finished;
    private int decided;
    private int held;
    private int referred;
    private boolean declinedOne;

    /** A case being lived: its stored state and how its course is going. */
    private static final class Course {
        TherapyCase stored;
        final Measure measure;
        Trend trend;
        double score;
        double alliance;
        final DayOfWeek weekday;
        int attended;
        int weeksWithoutSession;
        @Nullable LocalDate lastAttended;
        boolean noteWritten;
        boolean foundHard;
        /** A course kept flat and undecided so that every caseload shows a case waiting for its supervisor. */
        boolean showcase;
        int decisions;
        @Nullable LocalDate endsOn;
        /** From this day the primary measure is no longer given, as when a questionnaire is forgotten. */
        @Nullable LocalDate primaryMissedFrom;

        Course(TherapyCase stored, Measure measure, Trend trend, double score, double alliance, DayOfWeek weekday) {
            this.stored = stored;
            this.measure = measure;
            this.trend = trend;
            this.score = score;
            this.alliance = alliance;
            this.weekday = weekday;
        }

        CaseId id() {
            return Objects.requireNonNull(stored.id());
        }
    }

    private record PendingReferral(Referral referral, LocalDate answeredOn) {
    }

    DemoYear(long seed, LocalDate today, Clock clock, Cases cases, Sessions sessions, ReflectiveNotes notes,
            Credentials credentials, CredentialPolicies policies, Decisions decisions, Referrals referrals,
            FollowUpReviews reviews, ReviewMeetings meetings, CaseProgressUpdater progress, AssessmentHistory history) {
        this.random = new SplittableRandom(seed);
        this.today = today;
        this.clock = clock;
        this.cases = cases;
        this.sessions = sessions;
        this.notes = notes;
        this.credentials = credentials;
        this.policies = policies;
        this.decisions = decisions;
        this.referrals = referrals;
        this.reviews = reviews;
        this.meetings = meetings;
        this.progress = progress;
        this.history = history;
    }

    Lived live(Staff staff) {
        clinicians.addAll(staff.clinicians());
        var start = today.minusWeeks(WEEKS);
        for (var week = 0; week < WEEKS; week++) {
            var monday = start.plusWeeks(week);
            for (var clinician : staff.clinicians()) {
                // Supervisors keep smaller caseloads of their own, beside the time they give their teams.
                var intakes = (week < WARM_UP_WEEKS ? 5 : 1) * INTAKES_PER_CLINICIAN_A_WEEK
                        * (staff.teams().containsKey(clinician) ? 0.5 : 1);
                var arriving = (int) intakes + (random.nextDouble() < intakes % 1 ? 1 : 0);
                for (var i = 0; i < arriving; i++) {
                    openCase(clinician, monday.plusDays(random.nextInt(5)));
                }
            }
            if (week == WEEKS - PRIMARY_MISSED_WEEKS) {
                staff.clinicians().stream().filter(clinician -> !staff.teams().containsKey(clinician))
                        .forEach(clinician -> forgetPrimaryMeasure(clinician, monday));
            }
            if (week == WEEKS - SHOWCASE_WEEKS) {
                staff.clinicians().stream().filter(clinician -> !staff.teams().containsKey(clinician))
                        .forEach(clinician -> openShowcase(clinician, monday));
            }
            for (var day = monday; day.isBefore(monday.plusWeeks(1)) && day.isBefore(today); day = day.plusDays(1)) {
                holdSessions(day);
                answerReferrals(day);
                if (week >= WARM_UP_WEEKS && day.getDayOfWeek() == DayOfWeek.TUESDAY && day.getDayOfMonth() <= 7) {
                    for (var team : staff.teams().entrySet()) {
                        holdMeeting(team.getKey(), team.getValue(), day);
                    }
                }
            }
            var sunday = monday.plusDays(6);
            var assessedOn = sunday.isBefore(today) ? sunday : today;
            progress.recomputeAsOf(List.copyOf(open.keySet()), assessedOn, AssessmentCause.NIGHTLY);
            endCourses(assessedOn);
        }
        keepOneTherapistFindingItHard();
        staff.clinicians().forEach(this::voidOneMistake);
        // Whatever the day of the month, one referral was declined yesterday and waits on its supervisor's follow-ups.
        var declineBetweenMeetings = !declineOneStillWaiting();
        for (var team : staff.teams().entrySet()) {
            decideBetweenMeetings(team.getKey(), team.getValue(), declineBetweenMeetings);
            declineBetweenMeetings = false;
        }
        staff.teams().forEach(this::planNextMeeting);
        return new Lived(open.size(), finished, decided, held, referred);
    }

    /**
     * Whatever the year's chances left open, one open course with a weakening alliance (or else one
     * that is not moving) has a latest note, written yesterday, in which its therapist finds the client
     * hard to work with, so a board shows that reason.
     */
    private void keepOneTherapistFindingItHard() {
        if (open.values().stream().anyMatch(course -> course.foundHard && !course.showcase)) {
            return;
        }
        open.values().stream()
                .filter(course -> !course.showcase && course.lastAttended != null
                        && (course.trend == Trend.WEAK_ALLIANCE || course.trend == Trend.FLAT))
                .min(Comparator.comparing((Course course) -> !course.stored.transfers().isEmpty())
                        .thenComparing(course -> course.trend != Trend.WEAK_ALLIANCE))
                .ifPresent(course -> {
                    notes.save(ReflectiveNote.write(course.id(), course.stored.therapist(), DemoNotes.tenseRelationship(true),
                            true, at(today.minusDays(1), LocalTime.of(19, 0))));
                    course.noteWritten = true;
                    course.foundHard = true;
                    progress.recomputeAsOf(List.of(course.id()), today, AssessmentCause.NOTE);
                });
    }

    /** One improving course of the therapist, a few sessions in, goes without its primary measure from the day on. */
    private void forgetPrimaryMeasure(UserId therapist, LocalDate from) {
        open.values().stream()
                .filter(course -> course.stored.therapist().equals(therapist) && !course.showcase
                        && course.trend == Trend.IMPROVING && course.attended >= 3 && course.attended <= 8)
                .findFirst()
                .ifPresent(course -> course.primaryMissedFrom = from);
    }

    private void openCase(UserId therapist, LocalDate opened) {
        var measure = pickMeasure();
        var roll = random.nextDouble();
        var trend = roll < 0.77 ? Trend.IMPROVING : roll < 0.86 ? Trend.FLAT : roll < 0.89 ? Trend.WORSENING
                : roll < 0.95 ? Trend.DISENGAGING : Trend.WEAK_ALLIANCE;
        open(therapist, opened, PROBLEMS.get(random.nextInt(PROBLEMS.size())),
                FIRST_APPROACHES.get(random.nextInt(FIRST_APPROACHES.size())), measure, trend, intake(measure));
    }

    /** A PHQ-9 course that stays flat with full attendance: stalled for its approach alone by the end. */
    private void openShowcase(UserId therapist, LocalDate opened) {
        open(therapist, opened, "Low mood", "CBT", MeasureCatalogue.PHQ_9, Trend.FLAT, 16 + random.nextInt(4)).showcase = true;
    }

    private Course open(UserId therapist, LocalDate opened, String problem, String approach, Measure measure, Trend trend,
            double intake) {
        var theCase = cases.save(new TherapyCase(null, 0, new ClientCode(String.format("C-%04d", ++clientNumber)), problem,
                new Approach(approach), measure, MeasureCatalogue.SRS, opened, null, therapist, List.of()));
        var course = new Course(theCase, measure, trend, intake, 37 + random.nextInt(26) / 10.0,
                DayOfWeek.of(1 + random.nextInt(5)));
        open.put(course.id(), course);
        return course;
    }

    private Measure pickMeasure() {
        var roll = random.nextDouble();
        return roll < 0.55 ? MeasureCatalogue.PHQ_9 : roll < 0.8 ? MeasureCatalogue.GAD_7
                : roll < 0.92 ? MeasureCatalogue.CORE_10 : MeasureCatalogue.ORS;
    }

    /** Intake severity in the clinical range, mostly moderate to moderately severe. */
    private double intake(Measure measure) {
        var range = measure.range();
        var cutoff = measure.cutoff().value();
        var worse = measure.betterWhen() == Direction.LOWER_IS_BETTER ? 1 : -1;
        var room = Math.abs((worse > 0 ? range.max() : range.min()) - cutoff);
        return rounded(measure, cutoff + worse * room * (0.3 + random.nextDouble() * 0.45));
    }

    private void holdSessions(LocalDate day) {
        for (var course : List.copyOf(open.values())) {
            if (course.weekday != day.getDayOfWeek() || !day.isAfter(course.stored.opened())) {
                continue;
            }
            if (!attends(course)) {
                course.weeksWithoutSession++;
                if (course.trend != Trend.DISENGAGING || random.nextInt(2) == 0) {
                    sessions.add(course.id(), Session.missed(day, random.nextInt(3) == 0 ? Attendance.CANCELLED
                            : Attendance.NO_SHOW));
                }
                continue;
            }
            progressOneSession(course);
            course.attended++;
            course.weeksWithoutSession = 0;
            course.lastAttended = day;
            var alliance = new Score(MeasureCatalogue.SRS, Math.round(course.alliance * 10) / 10.0);
            var scores = course.primaryMissedFrom != null && !day.isBefore(course.primaryMissedFrom) ? List.of(alliance)
                    : List.of(new Score(course.measure, rounded(course.measure, course.score)), alliance);
            sessions.add(course.id(), new Session(day, Attendance.ATTENDED, scores, homework(course)));
            if (!course.noteWritten && course.attended >= 5 && (course.trend == Trend.FLAT || course.trend == Trend.WEAK_ALLIANCE)
                    && random.nextInt(3) == 0) {
                reflect(course, day);
            }
        }
    }

    private boolean attends(Course course) {
        if (course.attended == 0 || course.showcase) {
            return true;
        }
        return course.trend == Trend.DISENGAGING && course.attended >= 3 ? random.nextInt(10) < 3 : random.nextInt(14) > 0;
    }

    /** Moves the score and the alliance one session along the course's trend. */
    private void progressOneSession(Course course) {
        var range = course.measure.range();
        var better = course.measure.betterWhen() == Direction.LOWER_IS_BETTER ? -1 : 1;
        var span = range.width();
        var noise = (random.nextDouble() - 0.5) * span * 0.07;
        if (course.attended > 0) {
            course.score += switch (course.trend) {
                case IMPROVING -> better * span * (0.05 + random.nextDouble() * 0.045);
                case FLAT, WEAK_ALLIANCE -> 0;
                case WORSENING -> -better * span * 0.035;
                case DISENGAGING -> better * span * 0.01;
            } + noise;
        }
        course.score = Math.max(range.min(), Math.min(range.max(), course.score));
        course.alliance = course.trend == Trend.WEAK_ALLIANCE && course.attended >= 3
                ? Math.max(28, course.alliance - 0.9 - random.nextInt(4) / 10.0)
                : Math.max(35.5, Math.min(40, course.alliance + (random.nextInt(7) - 3) / 10.0));
    }

    private Homework homework(Course course) {
        if (course.attended % 2 == 1) {
            return Homework.NOT_SET;
        }
        if (course.showcase) {
            return Homework.YES;
        }
        return switch (course.trend) {
            case DISENGAGING -> random.nextInt(4) == 0 ? Homework.PARTLY : Homework.NO;
            case IMPROVING -> random.nextInt(5) == 0 ? Homework.PARTLY : Homework.YES;
            default -> Homework.values()[1 + random.nextInt(3)];
        };
    }

    private void reflect(Course course, LocalDate day) {
        var hard = course.trend == Trend.WEAK_ALLIANCE && random.nextInt(2) == 0;
        var answers = course.trend == Trend.FLAT ? DemoNotes.methodDoesNotFit() : DemoNotes.tenseRelationship(hard);
        notes.save(ReflectiveNote.write(course.id(), course.stored.therapist(), answers, hard, at(day, LocalTime.of(18, 0))));
        course.noteWritten = true;
        course.foundHard = hard;
    }

    /**
     * A recovered or long enough course is discharged, one that lost the client is closed as dropped out, and a
     * planned ending is completed a week after it was decided.
     */
    private void endCourses(LocalDate day) {
        for (var course : List.copyOf(open.values())) {
            if (course.showcase) {
                continue;
            }
            var recovered = course.trend == Trend.IMPROVING && course.attended >= 10
                    && !course.measure.cutoff().isClinical(course.score);
            var longEnough = course.attended >= 16 + random.nextInt(6);
            var lost = course.weeksWithoutSession >= 7;
            var planned = course.endsOn != null && !course.endsOn.isAfter(day);
            if (recovered && random.nextInt(4) == 0 || longEnough || lost || planned) {
                var reason = planned ? ClosingReason.PLANNED_ENDING_COMPLETED
                        : lost ? ClosingReason.DROPPED_OUT : ClosingReason.DISCHARGED;
                course.stored = cases.save(course.stored.close(day, reason, null, today));
                open.remove(course.id());
                ended.put(course.id(), course.stored.therapist());
                finished++;
            }
        }
    }

    /** A monthly review meeting: the team's stalled and deteriorating cases and the follow-ups due, each decided on. */
    private void holdMeeting(UserId supervisor, List<UserId> team, LocalDate day) {
        var inForce = inForce(team, day);
        var agenda = agenda(team, inForce, day);
        if (agenda.isEmpty()) {
            return;
        }
        var meeting = meetings.save(ReviewMeeting.plan(supervisor, day, MEETING_TIME, MEETING_PLACE, Set.copyOf(team),
                List.copyOf(agenda.values())));
        held++;
        for (var item : meeting.agenda()) {
            var course = open.get(item.caseId());
            var assessed = inForce.get(item.caseId());
            if (course != null && !course.showcase && assessed != null && assessed.status().isFlagged()) {
                decide(course, assessed, supervisor, team, Objects.requireNonNull(meeting.id()), day);
            } else if (item.followUpOf() != null) {
                reviews.record(FollowUpReview.noChange(item.followUpOf(), supervisor, at(day, MEETING_TIME), day,
                        "Moving again since the decision; carry on with the plan."));
            }
        }
        settleEndedCourses(supervisor, team, day);
        progress.recomputeAsOf(meeting.agenda().stream().map(AgendaItem::caseId).filter(open::containsKey).toList(), day,
                AssessmentCause.DECISION);
    }

    /** The follow-ups due on the team's courses that have ended, looked at in the meeting and closed with a note. */
    private void settleEndedCourses(UserId supervisor, List<UserId> team, LocalDate day) {
        for (var due : decisions.followUpsDueBy(day)) {
            var therapist = ended.get(due.caseId());
            if (therapist != null && team.contains(therapist)) {
                reviews.record(FollowUpReview.noChange(Objects.requireNonNull(due.id()), supervisor, at(day, MEETING_TIME),
                        day, "The course has ended; nothing more to follow up."));
            }
        }
    }

    /**
     * Two decisions of each team taken between meetings on courses flagged then and undecided so far:
     * one two weeks ago whose follow-up comes due today, and a referral yesterday that waits for the
     * colleague's answer, so that each supervisor has a follow-up due and a colleague a referral to answer.
     */
    private void decideBetweenMeetings(UserId supervisor, List<UserId> team, boolean colleagueDeclines) {
        var undecided = open.values().stream()
                .filter(course -> !course.showcase && course.decisions == 0 && team.contains(course.stored.therapist()))
                .toList();
        var twoWeeksAgo = today.minusWeeks(2);
        var then = inForce(team, twoWeeksAgo);
        var continued = undecided.stream()
                .filter(course -> then.containsKey(course.id()) && then.get(course.id()).status().isFlagged())
                .findFirst();
        continued.ifPresent(course -> decideBetween(course, then.get(course.id()), new DecisionDetails.ContinuePlan(),
                "Talked through between meetings: keep the plan two more weeks, then look at the scores again.",
                supervisor, twoWeeksAgo, today));
        var yesterday = today.minusDays(1);
        var now = inForce(team, yesterday);
        undecided.stream()
                .filter(course -> continued.map(other -> other != course).orElse(true))
                .filter(course -> now.containsKey(course.id()) && now.get(course.id()).status().isFlagged())
                .findFirst()
                .ifPresent(course -> team.stream()
                        .filter(member -> !member.equals(course.stored.therapist()) && clinicians.contains(member))
                        .filter(member -> mayTakeCases(member, yesterday))
                        .findFirst()
                        .ifPresent(colleague -> {
                            var recorded = decideBetween(course, now.get(course.id()),
                                    new DecisionDetails.ReferToColleague(colleague),
                                    "Talked through between meetings: a colleague with space takes the case over, "
                                            + "with a handover session.", supervisor, yesterday, yesterday.plusWeeks(4));
                            var proposed = referrals.save(Referral.propose(Objects.requireNonNull(recorded.id()),
                                    course.id(), course.stored.therapist(), colleague));
                            if (colleagueDeclines) {
                                referrals.save(proposed.decline(colleague, CASELOAD_FULL, at(yesterday, LocalTime.of(17, 0))));
                            }
                        }));
    }

    private Decision decideBetween(Course course, AssessedStatus assessed, DecisionDetails details, String rationale,
            UserId supervisor, LocalDate day, LocalDate followUpOn) {
        var scoreThen = sessions.of(course.id()).stream()
                .filter(session -> !session.date().isAfter(day))
                .flatMap(session -> session.scoreOn(course.measure.code()).stream())
                .reduce((earlier, later) -> later)
                .map(score -> score.value())
                .orElse(null);
        decided++;
        course.decisions++;
        return decisions.record(new Decision(null, course.id(), null, details, rationale, Set.of(mostTelling(assessed)),
                course.stored.therapist(), followUpOn, supervisor, at(day, LocalTime.of(12, 30)), day, assessed.status(),
                scoreThen, null));
    }

    /** The assessment in force on that day of each open case of the team, read in one statement. */
    private Map<CaseId, AssessedStatus> inForce(List<UserId> team, LocalDate day) {
        return history.on(open.values().stream().filter(course -> team.contains(course.stored.therapist()))
                .map(Course::id).toList(), day);
    }

    private Map<CaseId, AgendaItem> agenda(List<UserId> team, Map<CaseId, AssessedStatus> inForce, LocalDate day) {
        var items = new LinkedHashMap<CaseId, AgendaItem>();
        for (var course : open.values()) {
            var assessed = inForce.get(course.id());
            if (assessed == null) {
                continue;
            }
            var status = assessed.status();
            if (status == CaseStatus.DETERIORATING) {
                items.put(course.id(), new AgendaItem(course.id(), AgendaItem.Why.DETERIORATING, null));
            } else if (status == CaseStatus.STALLED) {
                items.put(course.id(), new AgendaItem(course.id(), AgendaItem.Why.STALLED, null));
            }
        }
        for (var due : decisions.followUpsDueBy(day)) {
            if (due.followUpOn().isBefore(day.minusWeeks(5))) {
                continue;
            }
            var course = open.get(due.caseId());
            if (course != null && team.contains(course.stored.therapist()) && !items.containsKey(due.caseId())) {
                items.put(due.caseId(), new AgendaItem(due.caseId(), AgendaItem.Why.FOLLOW_UP_DUE, due.id()));
            }
        }
        return items;
    }

    private void decide(Course course, AssessedStatus assessed, UserId supervisor, List<UserId> team, MeetingId meeting,
            LocalDate day) {
        var reason = mostTelling(assessed);
        if (reason == StallReason.THERAPIST_READINESS) {
            return;
        }
        // Cases go only to colleagues who carry a caseload, never to one away on leave.
        var colleague = team.stream().filter(member -> !member.equals(course.stored.therapist()))
                .filter(clinicians::contains).filter(member -> mayTakeCases(member, day)).findFirst().orElse(null);
        var choice = choose(course, reason, colleague);
        var details = choice.details();
        var recorded = decisions.record(new Decision(null, course.id(), meeting, details, rationale(details), Set.of(reason),
                course.stored.therapist(), day.plusWeeks(4), supervisor, at(day, MEETING_TIME), day, assessed.status(),
                rounded(course.measure, course.score), null));
        reviews.answerOpenFollowUps(recorded);
        decided++;
        course.decisions++;
        switch (details) {
            case DecisionDetails.PlannedEnding ending -> course.endsOn = day.plusWeeks(1);
            case DecisionDetails.ChangeApproach change -> course.stored = cases.save(course.stored.changeApproach(change.to()));
            case DecisionDetails.ReferToColleague refer -> {
                var proposed = referrals.save(Referral.propose(Objects.requireNonNull(recorded.id()), course.id(),
                        course.stored.therapist(), refer.colleague()));
                pendingReferrals.add(new PendingReferral(proposed, day.plusDays(2 + random.nextInt(5))));
            }
            default -> {
            }
        }
        var outcome = random.nextDouble();
        if (outcome < choice.helps()) {
            course.trend = Trend.IMPROVING;
            course.alliance = Math.max(course.alliance, 36.5 + random.nextInt(20) / 10.0);
        } else if (outcome > 0.92) {
            course.trend = Trend.WORSENING;
        }
    }

    /** What a supervisor decides, and the odds that it gets the course moving. */
    private record Choice(DecisionDetails details, double helps) {
    }

    private Choice choose(Course course, StallReason reason, @Nullable UserId colleague) {
        if (course.decisions >= 2) {
            return new Choice(new DecisionDetails.PlannedEnding(), 0);
        }
        var roll = random.nextDouble();
        return switch (reason) {
            case THERAPIST_RETICENCE -> colleague == null ? new Choice(new DecisionDetails.ContinuePlan(), 0.2)
                    : new Choice(new DecisionDetails.ReferToColleague(colleague), 0.7);
            case ALLIANCE -> colleague != null && roll < 0.45
                    ? new Choice(new DecisionDetails.ReferToColleague(colleague), 0.65)
                    : new Choice(new DecisionDetails.ContinuePlan(), 0.3);
            case CLIENT_ENGAGEMENT -> roll < 0.6
                    ? new Choice(new DecisionDetails.ChangeFrequency("Fortnightly, with a reminder the day before"), 0.5)
                    : new Choice(new DecisionDetails.ContinuePlan(), 0.25);
            default -> {
                var next = NEXT_APPROACHES.get(random.nextInt(NEXT_APPROACHES.size()));
                yield roll < 0.55 && !next.equals(course.stored.approach().name())
                        ? new Choice(new DecisionDetails.ChangeApproach(course.stored.approach(), new Approach(next)), 0.7)
                        : new Choice(new DecisionDetails.ContinuePlan(), 0.25);
            }
        };
    }

    /** The reason a supervisor would take up first: what the therapist declared, then the relationship, then attendance. */
    private static StallReason mostTelling(AssessedStatus assessed) {
        var reasons = assessed.signals().stream().map(signal -> signal.reason()).toList();
        for (var first : List.of(StallReason.THERAPIST_RETICENCE, StallReason.ALLIANCE, StallReason.CLIENT_ENGAGEMENT)) {
            if (reasons.contains(first)) {
                return first;
            }
        }
        return reasons.isEmpty() ? StallReason.APPROACH_FIT : reasons.getFirst();
    }

    private static String rationale(DecisionDetails details) {
        return switch (details) {
            case DecisionDetails.ChangeApproach change -> "No reliable change after a fair trial of " + change.from().name()
                    + "; the formulation points to " + change.to().name() + ".";
            case DecisionDetails.ReferToColleague refer -> "The working relationship is not recovering; a colleague with "
                    + "space on their caseload takes the case over, with a handover session.";
            case DecisionDetails.ChangeFrequency frequency -> "Missed sessions and long gaps; try a rhythm the client can keep.";
            case DecisionDetails.PlannedEnding ending -> "Two changes have not moved the scores; end the course well, with a "
                    + "relapse-prevention plan and the option to return.";
            default -> "Agreed in supervision: give the current plan four more weeks and review the scores.";
        };
    }

    private void answerReferrals(LocalDate day) {
        for (var pending : List.copyOf(pendingReferrals)) {
            if (pending.answeredOn().isAfter(day)) {
                continue;
            }
            pendingReferrals.remove(pending);
            var referral = pending.referral();
            var course = open.get(referral.caseId());
            if (course == null) {
                continue;
            }
            if (!mayTakeCases(referral.to(), day)) {
                referrals.save(referral.decline(referral.to(), "My licence renewal is still pending, so I cannot take new "
                        + "cases for now.", at(day, LocalTime.of(9, 30))));
                continue;
            }
            if (!declinedOne) {
                // One early decline, so that the year shows a referral coming back to its supervisor and decided again.
                declinedOne = true;
                referrals.save(referral.decline(referral.to(), CASELOAD_FULL, at(day, LocalTime.of(9, 30))));
                continue;
            }
            referrals.save(referral.accept(referral.to(), at(day, LocalTime.of(9, 30))));
            course.stored = cases.save(course.stored.transferTo(referral.to(), day, "Referral accepted",
                    compliance(referral.to(), day)));
            referred++;
            course.foundHard = false;
            if (course.noteWritten) {
                notes.save(ReflectiveNote.write(course.id(), referral.to(), Map.of(NotePrompt.RELATIONSHIP,
                        "First sessions since the handover; we agreed goals again and the client seems relieved."), false,
                        at(day, LocalTime.of(17, 0))));
            }
            progress.recomputeAsOf(List.of(course.id()), day, AssessmentCause.REFERRAL);
        }
    }

    /**
     * The first referral of the last meeting still waiting is declined yesterday, so that its reason
     * waits on the follow-ups of the supervisor who referred; the others wait for their colleague.
     * Answers whether there was one still waiting.
     */
    private boolean declineOneStillWaiting() {
        var waiting = pendingReferrals.stream().filter(pending -> open.containsKey(pending.referral().caseId())).findFirst();
        waiting.ifPresent(pending -> {
            pendingReferrals.remove(pending);
            referrals.save(pending.referral().decline(pending.referral().to(), CASELOAD_FULL,
                    at(today.minusDays(1), LocalTime.of(17, 0))));
        });
        return waiting.isPresent();
    }

    private boolean mayTakeCases(UserId therapist, LocalDate day) {
        return compliance(therapist, day).mayTakeNewCases();
    }

    private TherapistCompliance compliance(UserId therapist, LocalDate day) {
        return TherapistCompliance.assess(therapist, credentials.of(therapist), credentials.cpdOf(therapist),
                policies.current().value(), day);
    }

    /** A session entered on the wrong case the day after a real one, voided by the therapist with the reason. */
    private void voidOneMistake(UserId therapist) {
        open.values().stream()
                .filter(course -> course.stored.therapist().equals(therapist) && !course.showcase && course.lastAttended != null
                        && course.lastAttended.plusDays(1).isBefore(today))
                .findFirst()
                .ifPresent(course -> {
                    var day = Objects.requireNonNull(course.lastAttended).plusDays(1);
                    sessions.add(course.id(), Session.missed(day, Attendance.NO_SHOW));
                    sessions.voidSession(course.id(), day, new SessionVoid(therapist, at(day, LocalTime.of(18, 30)),
                            "Entered on this case by mistake: the no-show was another client's."));
                });
    }

    /** Each supervisor's next meeting, planned on the first Tuesday of next month with the agenda as it stands. */
    private void planNextMeeting(UserId supervisor, List<UserId> team) {
        var next = today.with(TemporalAdjusters.firstDayOfNextMonth()).with(TemporalAdjusters.firstInMonth(DayOfWeek.TUESDAY));
        if (team.isEmpty()) {
            return;
        }
        var agenda = agenda(team, inForce(team, next), next);
        meetings.save(ReviewMeeting.plan(supervisor, next, MEETING_TIME, MEETING_PLACE, Set.copyOf(team),
                List.copyOf(agenda.values())));
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(clock.getZone()).toInstant();
    }

    private static double rounded(Measure measure, double value) {
        var range = measure.range();
        var within = Math.max(range.min(), Math.min(range.max(), value));
        return range.decimals() == 0 ? Math.round(within) : Math.round(within * 10) / 10.0;
    }
}
