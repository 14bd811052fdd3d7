package org.unstuck.web.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.util.FileSystemUtils;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckApplication;

/**
 * Not a test: imports a generated file of 100,000 sessions into the demo practice on a fresh
 * embedded PostgreSQL, then loads the same file into a bare table with PostgreSQL's COPY (what
 * psql's {@code \copy} sends), and prints both rates and their ratio, measured in one run.
 *
 * <p>{@code ./mvnw -pl web-ui -Pbenchmark test-compile exec:exec} (an argument after the class
 * changes the number of rows).
 */
public final class ImportBenchmark {

    private static final List<String> THERAPISTS = List.of("therapist1", "therapist2", "therapist3", "supervisor1", "supervisor2");
    private static final int SESSIONS_PER_CASE = 20;

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var folder = Files.createTempDirectory("unstuck-import-benchmark");
        var context = new SpringApplicationBuilder(UnstuckApplication.class).properties(
                "unstuck.embedded-database.directory=" + folder.resolve("postgres"), "unstuck.demo.enabled=true",
                "server.port=0", "server.address=127.0.0.1", "logging.level.root=warn").run();
        try {
            var file = generate(folder.resolve("sessions.csv"), rows);
            TestSignIn.as(context.getBean(UserDetailsService.class), "admin");
            var imports = context.getBean(ImportService.class);

            var phases = new EnumMap<ImportProgress.Phase, Long>(ImportProgress.Phase.class);
            var importStart = System.nanoTime();
            var result = imports.importFile(file, "sessions.csv", (phase, done, total) -> phases.put(phase, System.nanoTime()));
            var imported = System.nanoTime() - importStart;
            if (!(result instanceof ImportResult.Imported first)) {
                throw new IllegalStateException("The generated file was refused: " + ImportCommand.describe(result));
            }
            var againStart = System.nanoTime();
            var again = (ImportResult.Imported) imports.importFile(file, "sessions.csv", ImportProgress.NONE);
            var reimported = System.nanoTime() - againStart;

            var copied = copy(context.getBean(DataSource.class), file);

            var checked = phases.get(ImportProgress.Phase.CHECKING);
            var written = phases.get(ImportProgress.Phase.WRITING);
            var reassessed = phases.getOrDefault(ImportProgress.Phase.REASSESSING, written);
            System.out.printf(Locale.ROOT, """

                    Import benchmark: %,d session rows (%,d cases of %d sessions), %,d bytes
                      import, first time:      %7.2f s %,9.0f rows/s
                        checking every row:    %7.2f s
                        writing in batches:    %7.2f s
                        re-assessing %,6d cases: %5.2f s
                      import, same file again: %7.2f s %,9.0f rows/s (%,d sessions unchanged)
                      COPY into a bare table:  %7.2f s %,9.0f rows/s
                      import / COPY:           %7.1f times as long the first time, %.1f the second
                    %s
                    """, rows, rows / SESSIONS_PER_CASE, SESSIONS_PER_CASE, Files.size(file),
                    seconds(imported), rows / seconds(imported),
                    seconds(checked - importStart), seconds(written - checked), first.casesCreated(),
                    seconds(reassessed - written),
                    seconds(reimported), rows / seconds(reimported), again.sessionsUnchanged(),
                    seconds(copied), rows / seconds(copied),
                    (double) imported / copied, (double) reimported / copied, ImportCommand.describe(first));
        } finally {
            context.close();
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Nanoseconds to COPY the file into a table of the same columns without keys, checks or indexes. */
    private static long copy(DataSource dataSource, Path file) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE import_benchmark_copy (session_id TEXT, client_code TEXT, case_ref TEXT, therapist TEXT,
                        approach TEXT, presenting_problem TEXT, primary_measure TEXT, session_date DATE, attendance TEXT,
                        primary_score NUMERIC(6, 2), alliance_measure TEXT, alliance_score NUMERIC(6, 2), homework TEXT)""");
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                var start = System.nanoTime();
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY import_benchmark_copy FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
                return System.nanoTime() - start;
            } finally {
                statement.execute("DROP TABLE import_benchmark_copy");
            }
        }
    }

    /** Cases of 20 weekly sessions each, most attended and scored on a drifting PHQ-9 with SRS alliance scores. */
    private static Path generate(Path file, int rows) throws IOException {
        var random = new Random(9);
        var today = LocalDate.now();
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(CsvFiles.HEADER + "\r\n");
            for (var row = 0; row < rows; row++) {
                var number = row / SESSIONS_PER_CASE;
                var session = row % SESSIONS_PER_CASE;
                var caseRandom = new Random(number);
                var start = today.minusDays(7L * SESSIONS_PER_CASE + caseRandom.nextInt(700));
                var attendance = random.nextInt(10) < 8 ? "attended" : random.nextBoolean() ? "cancelled" : "no_show";
                var attended = attendance.equals("attended");
                var score = Math.max(0, Math.min(27, 12 + caseRandom.nextInt(12) - session / (1 + caseRandom.nextInt(4))
                        + random.nextInt(5) - 2));
                out.write(String.join(",", "B-" + number + "-" + session, "BC-" + number, "B-" + number,
                        THERAPISTS.get(number % THERAPISTS.size()), "CBT", "Low mood", "PHQ-9",
                        start.plusWeeks(session).toString(), attendance, attended ? Integer.toString(score) : "", "SRS",
                        attended ? String.format(Locale.ROOT, "%.1f", 30 + random.nextInt(100) / 10.0) : "",
                        attended ? List.of("yes", "partly", "no", "").get(random.nextInt(4)) : ""));
                out.write("\r\n");
            }
        }
        return file;
    }
}
