package org.unstuck.persistence.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.ClientCode;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.caseload.Transfer;
import org.unstuck.domain.credential.TherapistCompliance;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.measure.MeasureCode;
import org.unstuck.domain.measure.Measures;
import org.unstuck.domain.measure.Score;
import org.unstuck.domain.notes.ReflectiveNote;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.AssessmentCause;
import org.unstuck.domain.progress.CaseHistory;
import org.unstuck.domain.progress.PracticeSettings;
import org.unstuck.domain.progress.ProgressAssessment;
import org.unstuck.domain.progress.ProgressReview;
import org.unstuck.domain.review.RiskAlerts;

/**
 * Re-assesses the practice's open cases in batches of consecutive case ids, for a nightly run:
 * each batch reads its cases, sessions, scores, notes and stored assessments in a few statements,
 * assesses every case with the domain's {@link ProgressReview}, and writes only what changed. A
 * history entry is added under the same rule as {@link JdbcProgressSnapshots}: when status, the
 * signals' rules and severities, or the settings version differ from the entry in force.
 */
@Service
public class PracticeReassessment {

    private final CaseProgressUpdater updater;
    private final PracticeSettings settings;
    private final Measures measures;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final RiskAlerts riskAlerts;

    PracticeReassessment(CaseProgressUpdater updater, PracticeSettings settings, Measures measures, JdbcClient jdbc,
            Clock clock, RiskAlerts riskAlerts) {
        this.updater = updater;
        this.settings = settings;
        this.measures = measures;
        this.jdbc = jdbc;
        this.clock = clock;
        this.riskAlerts = riskAlerts;
    }

    /**
     * What every batch of one run shares, batches running at once included: the settings and their
     * version, trajectories fitted once, the measure catalogue, and each therapist's compliance read
     * once for the whole run.
     */
    public static final class Pass {
        private final ProgressReview review;
        private final long settingsVersion;
        private final MeasureCatalogue catalogue;
        private final Function<UserId, TherapistCompliance> complianceOf;
        private final LocalDate today;
        private final AssessmentCause cause;

        private Pass(ProgressReview review, long settingsVersion, MeasureCatalogue catalogue,
                Function<UserId, TherapistCompliance> complianceOf, LocalDate today, AssessmentCause cause) {
            this.review = review;
            this.settingsVersion = settingsVersion;
            this.catalogue = catalogue;
            this.complianceOf = complianceOf;
            this.today = today;
            this.cause = cause;
        }

        public LocalDate today() {
            return today;
        }
    }

    /** The open cases with ids above {@code after} up to and including {@code upTo}: one batch. */
    public record Range(long after, long upTo) {
    }

    /** One batch's result: the last case id it covers (the run's checkpoint), how many it assessed, and how many gained a history entry. */
    public record Batch(long lastCaseId, int assessed, int changed) {
    }

    /** Begins a run for this day. */
    @Transactional(readOnly = true)
    public Pass begin(LocalDate today, AssessmentCause cause) {
        var reviewSettings = settings.reviewSettings();
        return new Pass(new ProgressReview(reviewSettings.value(), updater.refitted(reviewSettings.value())),
                reviewSettings.version(), measures.catalogue(), updater.complianceOn(today), today, cause);
    }

    /**
     * The next {@code count} batches of up to {@code size} open cases each, after {@code afterCaseId}, in id order;
     * none when no open case is left after it.
     */
    @Transactional(readOnly = true)
    public List<Range> ranges(long afterCaseId, int size, int count) {
        if (size < 1 || count < 1) {
            throw new IllegalArgumentException("A run takes at least one batch of at least one case; got " + count
                    + " of " + size);
        }
        var ids = jdbc.sql("SELECT id FROM therapy_case WHERE closed_on IS NULL AND id > :after ORDER BY id LIMIT :limit")
                .param("after", afterCaseId).param("limit", (long) size * count).query(Long.class).list();
        var ranges = new ArrayList<Range>();
        var after = afterCaseId;
        for (var end = size; end < ids.size() + size; end += size) {
            var upTo = ids.get(Math.min(end, ids.size()) - 1);
            ranges.add(new Range(after, upTo));
            after = upTo;
        }
        return ranges;
    }

    /** Re-assesses the open cases of one batch. */
    @Transactional
    public Batch next(Pass pass, Range range) {
        var cases = cases(pass, range);
        if (cases.isEmpty()) {
            return new Batch(range.upTo(), 0, 0);
        }
        var ids = cases.stream().map(theCase -> Objects.requireNonNull(theCase.id()).value()).toArray(Long[]::new);
        var stored = storedSnapshots(ids);
        var sessions = sessions(pass, ids);
        var hard = hardToWorkWith(ids);
        var risks = riskAlerts.openOn(cases.stream().map(theCase -> Objects.requireNonNull(theCase.id())).toList());
        var inForce = verdictsInForce(ids);
        var computedAt = Timestamp.from(clock.instant());

        var snapshotRows = new ArrayList<SnapshotRow>();
        var signalRows = new ArrayList<PlacedSignal>();
        var signalsReplaced = new ArrayList<Long>();
        var entries = new ArrayList<Long>();
        var entryStatus = new ArrayList<String>();
        var entryRuleSet = new ArrayList<String>();
        for (var theCase : cases) {
            var id = Objects.requireNonNull(theCase.id()).value();
            var caseSessions = sessions.getOrDefault(id, List.of());
            var assessment = pass.review.assess(new CaseHistory(theCase, caseSessions, hard.getOrDefault(id, false),
                    pass.complianceOf.apply(theCase.therapist()), risks.getOrDefault(theCase.id(), List.of())), pass.today);
            var before = stored.get(id);
            var snapshot = Snapshot.of(assessment, before, caseSessions, pass.today);
            if (!snapshot.equals(before == null ? null : before.snapshot())) {
                snapshotRows.add(new SnapshotRow(id, snapshot));
            }
            var signals = SignalRow.of(assessment);
            if (before == null || !signals.equals(before.signals())) {
                signalsReplaced.add(id);
                for (var position = 0; position < signals.size(); position++) {
                    signalRows.add(new PlacedSignal(id, position, signals.get(position)));
                }
            }
            if (!JdbcProgressSnapshots.verdict(assessment, pass.settingsVersion).equals(inForce.get(id))) {
                entries.add(id);
                entryStatus.add(assessment.status().name());
                entryRuleSet.add(assessment.ruleSetVersion());
            }
        }
        write(snapshotRows, signalsReplaced, signalRows, computedAt);
        if (!entries.isEmpty()) {
            jdbc.sql("""
                    WITH added AS (
                        INSERT INTO case_assessment (case_id, effective_on, recorded_at, status, cause, settings_version,
                            rule_set_version)
                        SELECT entry.case_id, :day, :at, entry.status, :cause, :settingsVersion, entry.rule_set
                        FROM unnest(:cases::bigint[], :statuses::varchar[], :ruleSets::varchar[]) AS entry(case_id, status, rule_set)
                        RETURNING id, case_id)
                    INSERT INTO case_assessment_signal (assessment_id, position, rule, reason, severity, message_key, arguments)
                    SELECT added.id, s.position, s.rule, s.reason, s.severity, s.message_key, s.arguments
                    FROM added JOIN case_progress_signal s ON s.case_id = added.case_id""")
                    .param("day", pass.today)
                    .param("at", computedAt)
                    .param("cause", pass.cause.name())
                    .param("settingsVersion", pass.settingsVersion)
                    .param("cases", entries.toArray(Long[]::new))
                    .param("statuses", entryStatus.toArray(String[]::new))
                    .param("ruleSets", entryRuleSet.toArray(String[]::new))
                    .update();
        }
        return new Batch(range.upTo(), cases.size(), entries.size());
    }

    /**
     * Writes a batch's changed snapshots and replaced signals in three set-based statements; a signal's
     * arguments travel flattened beside the number of the signal they belong to, as SQL has no ragged arrays.
     */
    private void write(List<SnapshotRow> snapshots, List<Long> signalsReplaced, List<PlacedSignal> signals,
            Timestamp computedAt) {
        if (!snapshots.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO case_progress_snapshot (case_id, status, status_since, top_rule, top_reason, top_severity,
                        primary_first, primary_latest, last_session_on, sessions_held, rule_set_version, computed_at)
                    SELECT r.*, :computedAt
                    FROM unnest(:ids::bigint[], :statuses::varchar[], :since::date[], :rules::varchar[],
                        :reasons::varchar[], :severities::varchar[], :firsts::numeric[], :latests::numeric[],
                        :lastSessions::date[], :held::int[], :ruleSets::varchar[]) AS r
                    ON CONFLICT (case_id) DO UPDATE SET status = excluded.status, status_since = excluded.status_since,
                        top_rule = excluded.top_rule, top_reason = excluded.top_reason, top_severity = excluded.top_severity,
                        primary_first = excluded.primary_first, primary_latest = excluded.primary_latest,
                        last_session_on = excluded.last_session_on, sessions_held = excluded.sessions_held,
                        rule_set_version = excluded.rule_set_version, computed_at = excluded.computed_at""")
                    .param("computedAt", computedAt)
                    .param("ids", snapshots.stream().map(SnapshotRow::caseId).toArray(Long[]::new))
                    .param("statuses", column(snapshots, row -> row.snapshot().status()))
                    .param("since", column(snapshots, row -> row.snapshot().since().toString()))
                    .param("rules", column(snapshots, row -> row.snapshot().rule()))
                    .param("reasons", column(snapshots, row -> row.snapshot().reason()))
                    .param("severities", column(snapshots, row -> row.snapshot().severity()))
                    .param("firsts", column(snapshots, row -> plain(row.snapshot().first())))
                    .param("latests", column(snapshots, row -> plain(row.snapshot().latest())))
                    .param("lastSessions", column(snapshots,
                            row -> row.snapshot().lastSession() == null ? null : String.valueOf(row.snapshot().lastSession())))
                    .param("held", snapshots.stream().map(row -> row.snapshot().held()).toArray(Integer[]::new))
                    .param("ruleSets", column(snapshots, row -> row.snapshot().ruleSet()))
                    .update();
        }
        if (!signalsReplaced.isEmpty()) {
            jdbc.sql("DELETE FROM case_progress_signal WHERE case_id = ANY(:cases)")
                    .param("cases", signalsReplaced.toArray(Long[]::new)).update();
        }
        if (!signals.isEmpty()) {
            var owners = new ArrayList<Integer>();
            var arguments = new ArrayList<String>();
            for (var number = 0; number < signals.size(); number++) {
                for (var argument : signals.get(number).signal().arguments()) {
                    owners.add(number + 1);
                    arguments.add(argument);
                }
            }
            jdbc.sql("""
                    INSERT INTO case_progress_signal (case_id, position, rule, reason, severity, message_key, arguments,
                        sentence)
                    SELECT s.case_id, s.position, s.rule, s.reason, s.severity, s.message_key,
                           coalesce(a.arguments, '{}'), s.sentence
                    FROM unnest(:ids::bigint[], :positions::int[], :rules::varchar[], :reasons::varchar[],
                        :severities::varchar[], :keys::varchar[], :sentences::varchar[])
                        WITH ORDINALITY AS s(case_id, position, rule, reason, severity, message_key, sentence, number)
                    LEFT JOIN (SELECT flat.owner, array_agg(flat.argument ORDER BY flat.place) AS arguments
                               FROM unnest(:owners::int[], :arguments::varchar[]) WITH ORDINALITY AS flat(owner, argument, place)
                               GROUP BY flat.owner) a ON a.owner = s.number""")
                    .param("ids", signals.stream().map(PlacedSignal::caseId).toArray(Long[]::new))
                    .param("positions", signals.stream().map(PlacedSignal::position).toArray(Integer[]::new))
                    .param("rules", column(signals, placed -> placed.signal().rule()))
                    .param("reasons", column(signals, placed -> placed.signal().reason()))
                    .param("severities", column(signals, placed -> placed.signal().severity()))
                    .param("keys", column(signals, placed -> placed.signal().key()))
                    .param("sentences", column(signals, placed -> placed.signal().sentence()))
                    .param("owners", owners.toArray(Integer[]::new))
                    .param("arguments", arguments.toArray(String[]::new))
                    .update();
        }
    }

    private static <T> String[] column(List<T> rows, Function<T, @Nullable String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    private static @Nullable String plain(@Nullable BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }

    private List<TherapyCase> cases(Pass pass, Range range) {
        record Row(long id, long version, String client, String problem, String approach, String primary,
                @Nullable String alliance, LocalDate opened, long therapist) {
        }
        var rows = jdbc.sql("""
                SELECT c.id, c.version, cl.code, c.presenting_problem, c.approach, c.primary_measure, c.alliance_measure,
                       c.opened_on, c.therapist_id
                FROM therapy_case c JOIN client cl ON cl.id = c.client_id
                WHERE c.closed_on IS NULL AND c.id > :after AND c.id <= :upTo ORDER BY c.id""")
                .param("after", range.after()).param("upTo", range.upTo())
                .query((row, number) -> new Row(row.getLong("id"), row.getLong("version"), row.getString("code"),
                        row.getString("presenting_problem"), row.getString("approach"), row.getString("primary_measure"),
                        row.getString("alliance_measure"), row.getObject("opened_on", LocalDate.class),
                        row.getLong("therapist_id")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        var transfers = new HashMap<Long, List<Transfer>>();
        jdbc.sql("""
                SELECT case_id, from_therapist, to_therapist, transferred_on, reason FROM case_transfer
                WHERE case_id = ANY(:cases) ORDER BY case_id, position""")
                .param("cases", rows.stream().map(Row::id).toArray(Long[]::new))
                .query(row -> {
                    transfers.computeIfAbsent(row.getLong("case_id"), id -> new ArrayList<>()).add(new Transfer(
                            new UserId(row.getLong("from_therapist")), new UserId(row.getLong("to_therapist")),
                            row.getObject("transferred_on", LocalDate.class), row.getString("reason")));
                });
        return rows.stream().map(row -> new TherapyCase(new CaseId(row.id()), row.version(), new ClientCode(row.client()),
                row.problem(), new Approach(row.approach()), measure(pass, row.primary()),
                row.alliance() == null ? null : measure(pass, row.alliance()), row.opened(), null,
                new UserId(row.therapist()), transfers.getOrDefault(row.id(), List.of()))).toList();
    }

    private static org.unstuck.domain.measure.Measure measure(Pass pass, String code) {
        return pass.catalogue.find(new MeasureCode(code))
                .orElseThrow(() -> new IllegalStateException("Measure " + code + " is not in the catalogue"));
    }

    /**
     * Each case's sessions in date order; reading them after the snapshots are locked sees every committed session.
     * A session's scores come as arrays from a subquery per session, which keeps the plan on the index of
     * {@code session_score}: as a join, a batch of a thousand cases was planned as a scan of every score.
     */
    private Map<Long, List<Session>> sessions(Pass pass, Long[] ids) {
        var byCase = new HashMap<Long, List<Session>>();
        jdbc.sql("""
                SELECT s.case_id, s.session_date, s.attendance, s.homework, sc.measures, sc.scores
                FROM therapy_session s
                LEFT JOIN LATERAL (SELECT array_agg(measure_code ORDER BY measure_code) AS measures,
                                          array_agg(score ORDER BY measure_code) AS scores
                                   FROM session_score WHERE session_id = s.id) sc ON true
                WHERE s.case_id = ANY(:cases) AND s.voided_at IS NULL ORDER BY s.case_id, s.session_date, s.id""")
                .param("cases", ids)
                .query(row -> {
                    var scores = new ArrayList<Score>();
                    var measureArray = row.getArray("measures");
                    if (measureArray != null) {
                        var codes = (String[]) measureArray.getArray();
                        var values = (BigDecimal[]) row.getArray("scores").getArray();
                        for (var index = 0; index < codes.length; index++) {
                            scores.add(new Score(measure(pass, codes[index]), values[index].doubleValue()));
                        }
                    }
                    byCase.computeIfAbsent(row.getLong("case_id"), id -> new ArrayList<>()).add(new Session(
                            row.getObject("session_date", LocalDate.class), Attendance.valueOf(row.getString("attendance")),
                            scores, Homework.valueOf(row.getString("homework"))));
                });
        return byCase;
    }

    /**
     * Whether the latest reflective note (its current version) the case's current therapist wrote since
     * the case last came to them says the client is hard to work with, as
     * {@link ReflectiveNote#currentTherapistFindsItHard} decides for one case.
     */
    private Map<Long, Boolean> hardToWorkWith(Long[] ids) {
        var hard = new HashMap<Long, Boolean>();
        jdbc.sql("""
                SELECT DISTINCT ON (current.case_id) current.case_id, current.hard_to_work_with
                FROM (SELECT DISTINCT ON (v.note_id) n.case_id, v.hard_to_work_with, v.written_at
                      FROM reflective_note n JOIN reflective_note_version v ON v.note_id = n.id
                      JOIN therapy_case c ON c.id = n.case_id AND c.therapist_id = n.author_id
                      WHERE n.case_id = ANY(:cases) ORDER BY v.note_id, v.version_number DESC) current
                WHERE current.written_at >= coalesce((SELECT max(t.transferred_on)::timestamp AT TIME ZONE :zone
                        FROM case_transfer t JOIN therapy_case c ON c.id = t.case_id AND t.to_therapist = c.therapist_id
                        WHERE t.case_id = current.case_id), '-infinity'::timestamptz)
                ORDER BY current.case_id, current.written_at DESC""")
                .param("cases", ids)
                .param("zone", clock.getZone().getId())
                .query(row -> {
                    hard.put(row.getLong("case_id"), row.getBoolean("hard_to_work_with"));
                });
        return hard;
    }

    /** The stored assessment of each case, locked so that a case re-assessed meanwhile by a change of its data waits. */
    private Map<Long, Stored> storedSnapshots(Long[] ids) {
        var snapshots = new HashMap<Long, Snapshot>();
        jdbc.sql("""
                SELECT case_id, status, status_since, top_rule, top_reason, top_severity, primary_first, primary_latest,
                       last_session_on, sessions_held, rule_set_version
                FROM case_progress_snapshot WHERE case_id = ANY(:cases) ORDER BY case_id FOR UPDATE""")
                .param("cases", ids)
                .query(row -> {
                    snapshots.put(row.getLong("case_id"), new Snapshot(row.getString("status"),
                            row.getObject("status_since", LocalDate.class), row.getString("top_rule"),
                            row.getString("top_reason"), row.getString("top_severity"), row.getBigDecimal("primary_first"),
                            row.getBigDecimal("primary_latest"), row.getObject("last_session_on", LocalDate.class),
                            row.getInt("sessions_held"), row.getString("rule_set_version")));
                });
        var signals = new HashMap<Long, List<SignalRow>>();
        jdbc.sql("""
                SELECT case_id, rule, reason, severity, message_key, arguments, sentence FROM case_progress_signal
                WHERE case_id = ANY(:cases) ORDER BY case_id, position""")
                .param("cases", ids)
                .query(row -> {
                    signals.computeIfAbsent(row.getLong("case_id"), id -> new ArrayList<>()).add(new SignalRow(
                            row.getString("rule"), row.getString("reason"), row.getString("severity"),
                            row.getString("message_key"), List.of((String[]) row.getArray("arguments").getArray()),
                            row.getString("sentence")));
                });
        var stored = new HashMap<Long, Stored>();
        snapshots.forEach((id, snapshot) -> stored.put(id, new Stored(snapshot, signals.getOrDefault(id, List.of()))));
        return stored;
    }

    /** The verdict of each case's history entry in force, in the form {@link JdbcProgressSnapshots#verdict} gives. */
    private Map<Long, String> verdictsInForce(Long[] ids) {
        var verdicts = new HashMap<Long, String>();
        jdbc.sql("""
                SELECT a.case_id, %s AS verdict
                FROM unnest(:cases::bigint[]) AS c(id)
                CROSS JOIN LATERAL (SELECT id, case_id, status, settings_version FROM case_assessment
                                    WHERE case_id = c.id ORDER BY effective_on DESC, id DESC LIMIT 1) a
                LEFT JOIN case_assessment_signal s ON s.assessment_id = a.id
                GROUP BY a.id, a.case_id, a.status, a.settings_version""".formatted(JdbcProgressSnapshots.VERDICT_OF_ENTRY))
                .param("cases", ids)
                .query(row -> {
                    verdicts.put(row.getLong("case_id"), row.getString("verdict"));
                });
        return verdicts;
    }

    private record Stored(Snapshot snapshot, List<SignalRow> signals) {
    }

    private record SnapshotRow(long caseId, Snapshot snapshot) {
    }

    private record PlacedSignal(long caseId, int position, SignalRow signal) {
    }

    /** A case's row of {@code case_progress_snapshot} without the time it was computed. */
    private record Snapshot(String status, LocalDate since, @Nullable String rule, @Nullable String reason,
            @Nullable String severity, @Nullable BigDecimal first, @Nullable BigDecimal latest,
            @Nullable LocalDate lastSession, int held, String ruleSet) {

        static Snapshot of(ProgressAssessment assessment, @Nullable Stored before, List<Session> sessions, LocalDate today) {
            var status = assessment.status().name();
            var since = before != null && before.snapshot().status().equals(status) ? before.snapshot().since() : today;
            var top = assessment.topSignal();
            var change = assessment.primaryChange();
            var attended = sessions.stream().filter(Session::wasAttended).toList();
            return new Snapshot(status, since, top.map(signal -> signal.rule().name()).orElse(null),
                    top.map(signal -> signal.reason().name()).orElse(null),
                    top.map(signal -> signal.severity().name()).orElse(null),
                    change == null ? null : stored(change.first()), change == null ? null : stored(change.latest()),
                    attended.isEmpty() ? null : attended.getLast().date(), attended.size(), assessment.ruleSetVersion());
        }

        /** As a NUMERIC(6, 2) column keeps it, so that an unchanged score compares equal. */
        private static BigDecimal stored(double value) {
            return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        }


        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Snapshot that && status.equals(that.status) && since.equals(that.since)
                    && Objects.equals(rule, that.rule) && Objects.equals(reason, that.reason)
                    && Objects.equals(severity, that.severity) && sameNumber(first, that.first)
                    && sameNumber(latest, that.latest) && Objects.equals(lastSession, that.lastSession)
                    && held == that.held && ruleSet.equals(that.ruleSet);
        }

        @Override
        public int hashCode() {
            return Objects.hash(status, since, rule, severity, lastSession, held);
        }

        private static boolean sameNumber(@Nullable BigDecimal one, @Nullable BigDecimal other) {
            return one == null ? other == null : other != null && one.compareTo(other) == 0;
        }
    }

    /** A row of {@code case_progress_signal} without its case and place. */
    private record SignalRow(String rule, String reason, String severity, String key, List<String> arguments,
            String sentence) {

        static List<SignalRow> of(ProgressAssessment assessment) {
            return assessment.signals().stream().map(signal -> new SignalRow(signal.rule().name(), signal.reason().name(),
                    signal.severity().name(), signal.explanation().key(),
                    List.of(JdbcProgressSnapshots.encode(signal.explanation().arguments())), signal.sentence())).toList();
        }
    }
}
