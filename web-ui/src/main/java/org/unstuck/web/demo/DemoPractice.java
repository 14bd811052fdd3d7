package org.unstuck.web.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
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
import org.unstuck.domain.progress.AssessmentCause;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.caseload.Sessions;
import org.unstuck.domain.credential.Credentials;
import org.unstuck.domain.notes.ReflectiveNotes;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.SupervisionPairs;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.practice.Username;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.ProgressSnapshots;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.Decisions;
import org.unstuck.persistence.board.CaseTrajectories;
import org.unstuck.persistence.progress.CaseProgressUpdater;

/** Seeds the demo practice into an empty database, and tells at start how to sign in. */
@Component
@Conditional(DemoPracticeCondition.class)
class DemoPractice implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPractice.class);
    private static final long SEED = 20261126L;
    private static final DemoPracticeGenerator.Size SIZE = new DemoPracticeGenerator.Size(30, 0.3);

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
    private final ProgressSnapshots snapshots;
    private final CaseTrajectories trajectories;
    private final Clock clock;

    DemoPractice(UserAccounts accounts, SupervisionPairs supervision, PasswordEncoder passwords, Environment environment,
            Cases cases, Sessions sessions, ReflectiveNotes notes, Credentials credentials, Decisions decisions,
            CaseProgressUpdater progress, ProgressSnapshots snapshots, CaseTrajectories trajectories, Clock clock) {
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
        this.snapshots = snapshots;
        this.trajectories = trajectories;
        this.clock = clock;
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
        }
        DemoLogins.SUPERVISION.forEach(pair -> supervision.add(ids.get(pair.supervisor()), ids.get(pair.therapist())));

        var today = LocalDate.now(clock);
        var generator = new DemoPracticeGenerator(SEED, today, cases, sessions, notes, credentials);
        var clinicians = DemoLogins.PEOPLE.stream().filter(person -> person.roles().contains(Role.THERAPIST))
                .map(person -> ids.get(person.username())).toList();
        var returningFromLeave = ids.get("therapist4");
        generator.credentials(clinicians, ids.get("therapist2"), returningFromLeave, ids.get("manager"));
        var withCaseloads = clinicians.stream().filter(clinician -> !clinician.equals(returningFromLeave)).toList();
        var open = generator.caseloads(withCaseloads, SIZE);
        progress.recomputeAllOpenCases(AssessmentCause.NIGHTLY);
        var decided = decideOnSomeStalledCases(open, ids, today);
        log.info("Seeded the demo practice: {} people, {} supervision pairs, {} open cases, {} decisions",
                DemoLogins.PEOPLE.size(), DemoLogins.SUPERVISION.size(), open.size(), decided);
    }

    /** Supervisors have already decided on a few stalled cases; some follow-ups are due. */
    private int decideOnSomeStalledCases(List<CaseId> open, Map<String, UserId> ids, LocalDate today) {
        var supervisorOf = DemoLogins.SUPERVISION.stream().collect(Collectors.toMap(
                pair -> ids.get(pair.therapist()), pair -> ids.get(pair.supervisor()), (first, second) -> first));
        int decided = 0;
        for (var caseId : open) {
            if (decided == 8) {
                break;
            }
            var snapshot = snapshots.latest(caseId).orElseThrow();
            var theCase = cases.find(caseId).orElseThrow();
            var supervisor = supervisorOf.get(theCase.therapist());
            if (supervisor == null || snapshot.status() != CaseStatus.STALLED && snapshot.status() != CaseStatus.DETERIORATING) {
                continue;
            }
            var decidedOn = today.minusWeeks(2 + decided % 4);
            var details = decided % 2 == 0
                    ? new DecisionDetails.ContinuePlan()
                    : new DecisionDetails.AddAssessment("Repeat the intake assessment with the client");
            var reason = snapshot.topSignal().map(signal -> signal.reason()).orElse(StallReason.APPROACH_FIT);
            var primary = theCase.primaryMeasure().code().value();
            var scoreThen = trajectories.of(caseId).stream()
                    .filter(point -> point.measureCode().equals(primary) && !point.date().isAfter(decidedOn))
                    .reduce((first, second) -> second).map(point -> point.score()).orElse(null);
            decisions.record(new Decision(null, caseId, null, details,
                    "Agreed in supervision: give the current plan a fixed number of sessions and review the scores.",
                    Set.of(reason), theCase.therapist(), decidedOn.plusWeeks(3), supervisor,
                    decidedOn.atTime(14, 0).toInstant(ZoneOffset.UTC), decidedOn, snapshot.status(), scoreThen, null));
            decided++;
        }
        return decided;
    }

    @EventListener(ApplicationReadyEvent.class)
    void printLogins() {
        var port = environment.getProperty("local.server.port", "8080");
        var logins = DemoLogins.PEOPLE.stream()
                .map(person -> String.format("  %-12s %s", person.username(), person.displayName()))
                .collect(Collectors.joining(System.lineSeparator()));
        log.info("""

                Unstuck is ready at http://localhost:{}/
                Demo logins (password for all: {}):
                {}
                """, port, DemoLogins.PASSWORD, logins);
    }
}
