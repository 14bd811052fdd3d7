package org.unstuck.web.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.caseload.Sessions;
import org.unstuck.domain.credential.CredentialPolicies;
import org.unstuck.domain.credential.Credentials;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.measure.MeasureKind;
import org.unstuck.domain.measure.Score;
import org.unstuck.domain.notes.ReflectiveNotes;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.SupervisionPairs;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.practice.Username;
import org.unstuck.domain.progress.AssessmentCause;
import org.unstuck.domain.progress.AssessmentHistory;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.ProgressSnapshots;
import org.unstuck.domain.review.Decisions;
import org.unstuck.domain.review.FollowUpReviews;
import org.unstuck.domain.review.Referrals;
import org.unstuck.domain.review.ReviewMeetings;
import org.unstuck.domain.review.RiskAlerts;
import org.unstuck.persistence.notification.JdbcMail;
import org.unstuck.persistence.practice.AccountChangeRequest.Asked;
import org.unstuck.persistence.practice.AccountChangeRequest.Kind;
import org.unstuck.persistence.practice.AccountChangeRequest.Status;
import org.unstuck.persistence.practice.JdbcAccountChangeRequests;
import org.unstuck.persistence.practice.JdbcSecondFactors;
import org.unstuck.persistence.progress.CaseProgressUpdater;
import org.unstuck.web.notification.CredentialReminders;
import org.unstuck.web.notification.Notifications;

/** Seeds the demo practice into an empty database, and tells at start how to sign in. */
@Component
@Conditional(DemoPracticeCondition.class)
class DemoPractice implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPractice.class);
    private static final long SEED = 20261126L;

    /** The demo logins' password is printed for all to see, so a second factor would protect nothing and only hinder trying. */
    static final String DEMO_EXEMPTION = "Demo practice login, whose password is public";

    private final UserAccounts accounts;
    private final SupervisionPairs supervision;
    private final PasswordEncoder passwords;
    private final Environment environment;
    private final Cases cases;
    private final Sessions sessions;
    private final ReflectiveNotes notes;
    private final Credentials credentials;
    private final Decisions decisions;
    private final CaseProgressUpdater progress;
    private final AssessmentHistory history;
    private final CredentialPolicies policies;
    private final Referrals referrals;
    private final Notifications notifications;
    private final CredentialReminders reminders;
    private final FollowUpReviews reviews;
    private final ReviewMeetings meetings;
    private final JdbcAccountChangeRequests accountChanges;
    private final JdbcSecondFactors secondFactors;
    private final Clock clock;
    private final RiskAlerts riskAlerts;
    private final JdbcMail mail;
    private final ProgressSnapshots snapshots;

    DemoPractice(UserAccounts accounts, SupervisionPairs supervision, PasswordEncoder passwords, Environment environment,
            Cases cases, Sessions sessions, ReflectiveNotes notes, Credentials credentials, Decisions decisions,
            CaseProgressUpdater progress, AssessmentHistory history, CredentialPolicies policies, Referrals referrals,
            FollowUpReviews reviews, ReviewMeetings meetings, JdbcAccountChangeRequests accountChanges,
            JdbcSecondFactors secondFactors, Notifications notifications, CredentialReminders reminders, Clock clock,
            RiskAlerts riskAlerts, JdbcMail mail, ProgressSnapshots snapshots) {
        this.notifications = notifications;
        this.reminders = reminders;
        this.accounts = accounts;
        this.supervision = supervision;
        this.passwords = passwords;
        this.environment = environment;
        this.cases = cases;
        this.sessions = sessions;
        this.notes = notes;
        this.credentials = credentials;
        this.decisions = decisions;
        this.progress = progress;
        this.history = history;
        this.policies = policies;
        this.referrals = referrals;
        this.reviews = reviews;
        this.meetings = meetings;
        this.accountChanges = accountChanges;
        this.secondFactors = secondFactors;
        this.clock = clock;
        this.riskAlerts = riskAlerts;
        this.mail = mail;
        this.snapshots = snapshots;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments arguments) {
        if (accounts.count() > 0) {
            return;
        }
        Map<String, UserId> ids = new HashMap<>();
        var passwordHash = passwords.encode(DemoLogins.PASSWORD);
        for (var person : DemoLogins.PEOPLE) {
            var stored = accounts.save(UserAccount.newAccount(new Username(person.username()), person.displayName(),
                    passwordHash, person.roles()));
            ids.put(person.username(), Objects.requireNonNull(stored.id()));
            secondFactors.exempt(stored.id(), DEMO_EXEMPTION);
            mail.setAddress(stored.id(), person.username() + "@practice.example", true);
        }
        DemoLogins.SUPERVISION.forEach(pair -> supervision.add(ids.get(pair.supervisor()), ids.get(pair.therapist())));
        accountChangesOnApprovals(ids);

        var today = LocalDate.now(clock);
        var generator = new DemoPracticeGenerator(SEED, today, cases, sessions, notes, credentials);
        var clinicians = DemoLogins.PEOPLE.stream().filter(person -> person.roles().contains(Role.THERAPIST))
                .map(person -> ids.get(person.username())).toList();
        var returningFromLeave = ids.get("therapist4");
        generator.credentials(clinicians, ids.get("therapist2"), returningFromLeave, ids.get("manager"));
        var withCaseloads = clinicians.stream().filter(clinician -> !clinician.equals(returningFromLeave)).toList();
        // A therapist with two supervisors brings their cases to the meetings of the one listed last.
        var supervisorOf = new LinkedHashMap<UserId, UserId>();
        DemoLogins.SUPERVISION.forEach(pair -> supervisorOf.put(ids.get(pair.therapist()), ids.get(pair.supervisor())));
        var teams = new LinkedHashMap<UserId, List<UserId>>();
        supervisorOf.forEach((therapist, supervisor) -> teams.computeIfAbsent(supervisor, anyone -> new ArrayList<>())
                .add(therapist));
        var lived = new DemoYear(SEED, today, clock, cases, sessions, notes, credentials, policies, decisions, referrals,
                reviews, meetings, progress, history).live(new DemoYear.Staff(withCaseloads, teams));
        progress.recomputeAllOpenCases(AssessmentCause.NIGHTLY);
        var now = clock.instant();
        endorseCriticalItem(ids.get("therapist1"), today, now.minus(Duration.ofHours(2)));
        endorseCriticalItem(ids.get("therapist3"), today.minusDays(1), now.minus(Duration.ofHours(30)));
        announceWaitingReferrals(clinicians);
        reminders.remind();
        log.info("Seeded the demo practice: {} people, {} supervision pairs, a year of {} finished and {} open cases, "
                + "{} review meetings, {} decisions, {} accepted referrals", DemoLogins.PEOPLE.size(),
                DemoLogins.SUPERVISION.size(), lived.finishedCases(), lived.openCases(), lived.meetings(), lived.decisions(),
                lived.referrals());
    }

    /**
     * A session of the therapist's most recently seen PHQ-9 case that was on track, at which the
     * client endorsed item 9, recorded at the time given: one alert fresh today, one left unanswered
     * for more than a day. The flags the year left stay as they are.
     */
    private void endorseCriticalItem(UserId therapist, LocalDate day, Instant recordedAt) {
        var chosen = cases.assignedTo(therapist, false).stream()
                .filter(theCase -> theCase.primaryMeasure().equals(MeasureCatalogue.PHQ_9))
                .filter(theCase -> snapshots.latest(Objects.requireNonNull(theCase.id()))
                        .map(snapshot -> snapshot.status() == CaseStatus.ON_TRACK).orElse(false))
                .map(theCase -> Map.entry(theCase, sessions.of(Objects.requireNonNull(theCase.id()))))
                .filter(entry -> entry.getValue().stream().filter(Session::wasAttended).count() >= 3
                        && entry.getValue().getLast().date().isBefore(day))
                .max(Comparator.comparing(entry -> entry.getValue().getLast().date()))
                .orElseThrow();
        var theCase = chosen.getKey();
        var latest = chosen.getValue().stream().filter(Session::wasAttended).toList().getLast();
        var total = (int) Math.max(4, Math.min(24, latest.scoreOn(MeasureCatalogue.PHQ_9.code()).map(Score::value).orElse(14.0)));
        var items = new ArrayList<Integer>(List.of(0, 0, 0, 0, 0, 0, 0, 0, 2));
        for (var left = total - 2; left > 0; left--) {
            var item = (total - left) % 8;
            while (items.get(item) == 3) {
                item = (item + 1) % 8;
            }
            items.set(item, items.get(item) + 1);
        }
        var scores = new ArrayList<Score>(List.of(MeasureCatalogue.PHQ_9.scoreOfItems(items)));
        latest.scores().stream().filter(score -> score.measure().kind() == MeasureKind.ALLIANCE).forEach(scores::add);
        var caseId = Objects.requireNonNull(theCase.id());
        sessions.add(caseId, new Session(day, Attendance.ATTENDED, scores, Homework.PARTLY));
        riskAlerts.raiseFromScores(List.of(caseId), recordedAt);
        progress.recompute(caseId, AssessmentCause.SESSION);
        notifications.riskAlert(theCase, day);
    }

    /** The referrals the year left waiting, told to their colleagues as a referral decided in the application is. */
    private void announceWaitingReferrals(List<UserId> clinicians) {
        for (var clinician : clinicians) {
            for (var referral : referrals.proposedTo(clinician)) {
                var client = cases.find(referral.caseId()).orElseThrow().client().value();
                notifications.referralWaiting(referral, client,
                        accounts.find(referral.from()).map(UserAccount::displayName).orElse(""));
            }
        }
    }

    /**
     * Nina Berg's return from leave as the manager and the admin handled it: her supervision pair,
     * approved by the manager, and a supervisor role the admin asked for that waits on Approvals.
     */
    private void accountChangesOnApprovals(Map<String, UserId> ids) {
        var now = clock.instant();
        var pair = accountChanges.ask(new Asked(Kind.SUPERVISION_PAIR, ids.get("therapist4"), ids.get("supervisor2"), null,
                null, Set.of(), null), ids.get("admin"), now.minus(Duration.ofDays(12)));
        accountChanges.decide(pair, 0, Status.APPROVED, ids.get("manager"), now.minus(Duration.ofDays(11)));
        accountChanges.ask(new Asked(Kind.ROLE_GRANT, ids.get("therapist4"), null, null, null, Set.of(Role.SUPERVISOR), null),
                ids.get("admin"), now.minus(Duration.ofDays(2)));
    }

    @EventListener(ApplicationReadyEvent.class)
    void printLogins() {
        var port = environment.getProperty("local.server.port", "8080");
        log.info("Unstuck is ready at http://localhost:{}/ - demo logins, password for all: {}", port, DemoLogins.PASSWORD);
        DemoLogins.PEOPLE.forEach(person -> log.info("  {} {}", String.format("%-12s", person.username()),
                person.displayName()));
    }
}
