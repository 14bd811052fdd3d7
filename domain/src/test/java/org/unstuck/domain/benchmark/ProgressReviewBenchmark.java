package org.unstuck.domain.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.measure.Score;
import org.unstuck.domain.progress.CaseHistory;
import org.unstuck.domain.progress.ExpectedTrajectories;
import org.unstuck.domain.progress.Histories;
import org.unstuck.domain.progress.ProgressReview;
import org.unstuck.domain.progress.ReviewSettings;
import org.unstuck.domain.progress.ScoredSession;
import org.unstuck.domain.progress.TrajectoryModel;

/**
 * Assessing a practice of 50,000 cases of 20 sessions each, on one thread. The score is cases per
 * second; with no expected trajectories and with a fitted one, so their ratio shows what the
 * trajectory rule costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ProgressReviewBenchmark {

    static final int CASES = 50_000;
    static final int SESSIONS = 20;

    private List<CaseHistory> practice;
    private LocalDate today;
    private ProgressReview withoutTrajectories;
    private ProgressReview withTrajectories;

    @Setup
    public void generatePractice() {
        var random = new SplittableRandom(20261126);
        var phq = MeasureCatalogue.PHQ_9;
        var srs = MeasureCatalogue.SRS;
        today = Histories.FIRST_SESSION.plusWeeks(SESSIONS);
        var compliance = Histories.compliantTherapist(today);
        practice = new ArrayList<>(CASES);
        var finished = new ArrayList<List<ScoredSession>>();
        for (int c = 0; c < CASES; c++) {
            double intake = 10 + random.nextInt(18);
            double slopePerSession = switch (c % 4) {
                case 0 -> -0.8;
                case 1 -> 0.0;
                case 2 -> 0.4;
                default -> -0.3;
            };
            var sessions = new ArrayList<Session>(SESSIONS);
            var scored = new ArrayList<ScoredSession>();
            int attended = 0;
            for (int s = 0; s < SESSIONS; s++) {
                var date = Histories.FIRST_SESSION.plusWeeks(s);
                if (random.nextInt(10) == 0) {
                    sessions.add(Session.missed(date, random.nextBoolean() ? Attendance.CANCELLED : Attendance.NO_SHOW));
                    continue;
                }
                attended++;
                double value = Math.max(0, Math.min(27, Math.round(intake + slopePerSession * s + random.nextInt(5) - 2)));
                double alliance = Math.max(0, Math.min(40, 30 + random.nextInt(11)));
                sessions.add(Session.attended(date, Homework.values()[random.nextInt(4)],
                        new Score(phq, value), new Score(srs, alliance)));
                scored.add(new ScoredSession(attended, date, value));
            }
            practice.add(new CaseHistory(Histories.aCase(phq, srs), sessions, c % 50 == 0, compliance, List.of()));
            if (c % 10 == 0) {
                finished.add(scored);
            }
        }
        var settings = ReviewSettings.defaults();
        withoutTrajectories = new ProgressReview(settings, ExpectedTrajectories.none());
        withTrajectories = new ProgressReview(settings,
                new ExpectedTrajectories(List.of(TrajectoryModel.fit(phq, finished, settings))));
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public void assessWithoutTrajectories(Blackhole blackhole) {
        for (var history : practice) {
            blackhole.consume(withoutTrajectories.assess(history, today));
        }
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public void assessWithTrajectories(Blackhole blackhole) {
        for (var history : practice) {
            blackhole.consume(withTrajectories.assess(history, today));
        }
    }
}
