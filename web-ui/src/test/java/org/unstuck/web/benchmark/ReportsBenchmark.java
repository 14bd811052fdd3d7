package org.unstuck.web.benchmark;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.unstuck.domain.progress.AssessmentCause;
import org.unstuck.db.TestDatabaseInitializer;
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
import org.unstuck.persistence.progress.CaseProgressUpdater;
import org.unstuck.reports.ReportTexts;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckApplication;
import org.unstuck.web.common.ReportPeriod;
import org.unstuck.web.common.Texts;
import org.unstuck.web.demo.DemoPracticeGenerator;
import org.unstuck.web.reports.MeetingPackService;
import org.unstuck.web.reports.ReportService;
import org.unstuck.web.review.MeetingService;

/**
 * The review-meeting pack of a 20-case meeting and the caseload-health report of a generated
 * practice of 5,000 cases, each timed against a plain read of the same rows in the same run, so
 * the figure that matters is the ratio, not the milliseconds of this machine.
 */
public final class ReportsBenchmark {

    private static final int THERAPISTS = 10;
    private static final int CASES_PER_THERAPIST = 500;
    private static final int MEETING_CASES = 20;
    private static final int WARM_UP = 3;
    private static final int ROUNDS = 10;
    private static final Path RESULT = Path.of("target", "benchmark-reports.json");

    private ReportsBenchmark() {
    }

    public static void main(String[] arguments) throws IOException {
        try (var context = new SpringApplicationBuilder(UnstuckApplication.class)
                .initializers(new TestDatabaseInitializer())
                .properties("unstuck.demo.enabled=false", "server.port=0", "logging.level.root=WARN")
                .run()) {
            var meeting = generatePractice(context);
            var jdbc = context.getBean(JdbcClient.class);
            var texts = new Texts(new DefaultI18NProvider(List.of(Locale.ENGLISH)), Locale.ENGLISH);
            var packs = context.getBean(MeetingPackService.class);
            var reports = context.getBean(ReportService.class);
            var period = ReportPeriod.lastYear(LocalDate.now(context.getBean(Clock.class)));
            var agendaCases = context.getBean(MeetingService.class).meeting(meeting).agenda().stream()
                    .map(row -> row.caseRow().caseId()).toList();

            var packRead = median(() -> plainReadOfCases(jdbc, agendaCases));
            var pack = median(() -> packs.pack(meeting, texts).toPdf(ReportTexts.ENGLISH).length);
            var builtPack = packs.pack(meeting, texts);
            var packPdf = median(() -> builtPack.toPdf(ReportTexts.ENGLISH).length);
            var healthRead = median(() -> plainReadOfPractice(jdbc));
            var health = median(() -> {
                var report = reports.caseloadHealth(period);
                return report.toPdf(ReportTexts.ENGLISH).length + report.toCsv().length;
            });
            var cases = jdbc.sql("SELECT count(*) FROM therapy_case").query(Long.class).single();
            var sessions = jdbc.sql("SELECT count(*) FROM therapy_session").query(Long.class).single();
            var json = String.format(Locale.ROOT, """
                    {"practice": {"cases": %d, "sessions": %d},
                     "meetingPack": {"cases": %d, "medianMillis": %.1f, "ofWhichPdfMillis": %.1f, "plainReadMillis": %.1f, "ratio": %.2f},
                     "caseloadHealth": {"medianMillis": %.1f, "plainReadMillis": %.1f, "ratio": %.2f}}
                    """, cases, sessions, agendaCases.size(), pack, packPdf, packRead, pack / packRead, health, healthRead,
                    health / healthRead);
            Files.createDirectories(RESULT.getParent());
            Files.writeString(RESULT, json);
            System.out.println(json);
        }
    }

    /** Ten therapists of 500 cases each under one supervisor, who plans a meeting trimmed to 20 cases. */
    private static long generatePractice(ConfigurableApplicationContext context) {
        var accounts = context.getBean(UserAccounts.class);
        var supervision = context.getBean(SupervisionPairs.class);
        var hash = context.getBean(PasswordEncoder.class).encode("benchmark-password");
        var supervisor = Objects.requireNonNull(accounts.save(UserAccount.newAccount(new Username("supervisor"),
                "Dr Bench Mark", hash, Set.of(Role.SUPERVISOR, Role.THERAPIST))).id());
        var therapists = new ArrayList<UserId>();
        for (int i = 1; i <= THERAPISTS; i++) {
            var therapist = Objects.requireNonNull(accounts.save(UserAccount.newAccount(new Username("therapist" + i),
                    "Therapist " + i, hash, Set.of(Role.THERAPIST))).id());
            supervision.add(supervisor, therapist);
            therapists.add(therapist);
        }
        var generator = new DemoPracticeGenerator(5000L, LocalDate.now(context.getBean(Clock.class)), context.getBean(Cases.class),
                context.getBean(Sessions.class), context.getBean(ReflectiveNotes.class), context.getBean(Credentials.class));
        generator.caseloads(therapists, new DemoPracticeGenerator.Size(CASES_PER_THERAPIST, 0.5));
        context.getBean(CaseProgressUpdater.class).recomputeAllOpenCases(AssessmentCause.IMPORT);

        TestSignIn.as(context.getBean(UserDetailsService.class), "supervisor");
        var meetings = context.getBean(MeetingService.class);
        var team = meetings.invitable().stream().map(UserAccount::id).filter(Objects::nonNull).collect(Collectors.toSet());
        var meeting = meetings.plan(LocalDate.now(context.getBean(Clock.class)).plusDays(1), LocalTime.of(14, 0),
                "Supervision room", team);
        var agenda = meetings.meeting(meeting).agenda();
        agenda.subList(Math.min(MEETING_CASES, agenda.size()), agenda.size())
                .forEach(row -> meetings.remove(meeting, row.caseRow().caseId()));
        return meeting;
    }

    /** Every row the pack rests on — the cases, their sessions and scores, notes and decisions — read and counted. */
    private static long plainReadOfCases(JdbcClient jdbc, List<Long> caseIds) {
        long rows = 0;
        for (var sql : List.of(
                "SELECT * FROM therapy_case WHERE id IN (:ids)",
                "SELECT s.*, sc.* FROM therapy_session s LEFT JOIN session_score sc ON sc.session_id = s.id WHERE s.case_id IN (:ids)",
                "SELECT n.*, v.* FROM reflective_note n JOIN reflective_note_version v ON v.note_id = n.id WHERE n.case_id IN (:ids)",
                "SELECT * FROM decision WHERE case_id IN (:ids)",
                "SELECT * FROM case_progress_snapshot WHERE case_id IN (:ids)")) {
            rows += jdbc.sql(sql).param("ids", caseIds).query().listOfRows().size();
        }
        return rows;
    }

    /** Every case of the practice with its sessions and scores, read and counted. */
    private static long plainReadOfPractice(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT c.id, c.approach, c.opened_on, c.closed_on, c.therapist_id, s.session_date, s.attendance,
                       sc.measure_code, sc.score
                FROM therapy_case c
                LEFT JOIN therapy_session s ON s.case_id = c.id
                LEFT JOIN session_score sc ON sc.session_id = s.id""").query().listOfRows().size();
    }

    /** The median of the timed rounds, in milliseconds, after the warm-up rounds. */
    private static double median(LongSupplier work) {
        var sink = 0L;
        for (int i = 0; i < WARM_UP; i++) {
            sink += work.getAsLong();
        }
        var millis = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            var start = System.nanoTime();
            sink += work.getAsLong();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        if (sink < 0) {
            throw new IllegalStateException("No work was done");
        }
        Arrays.sort(millis);
        return (millis[ROUNDS / 2 - 1] + millis[ROUNDS / 2]) / 2;
    }
}
