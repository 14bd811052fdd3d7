package org.unstuck.persistence.progress;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.progress.AssessmentCause;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.Explanation;
import org.unstuck.domain.progress.ProgressAssessment;
import org.unstuck.domain.progress.ProgressSnapshot;
import org.unstuck.domain.progress.ProgressSnapshots;
import org.unstuck.domain.progress.Rule;
import org.unstuck.domain.progress.Severity;
import org.unstuck.domain.progress.Signal;

@Repository
@Transactional(readOnly = true)
class JdbcProgressSnapshots implements ProgressSnapshots {

    /**
     * What makes a history entry {@code a} (with its signals {@code s}) the same verdict as a new
     * assessment: status, settings version and the signals' rules and severities in order; see {@link #verdict}.
     */
    static final String VERDICT_OF_ENTRY = "a.status || '|' || a.settings_version || '|' "
            + "|| coalesce(string_agg(s.rule || ':' || s.severity, ',' ORDER BY s.position), '')";

    private final JdbcClient jdbc;

    JdbcProgressSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Previous(String status, LocalDate since) {
    }

    @Override
    @Transactional
    public ProgressSnapshot store(CaseId caseId, ProgressAssessment assessment, LocalDate today, Instant computedAt,
            AssessmentCause cause, long settingsVersion) {
        var previous = jdbc.sql("SELECT status, status_since FROM case_progress_snapshot WHERE case_id = :id FOR UPDATE")
                .param("id", caseId.value())
                .query((row, number) -> new Previous(row.getString("status"), row.getObject("status_since", LocalDate.class)))
                .optional();
        var since = previous.filter(before -> before.status().equals(assessment.status().name()))
                .map(Previous::since).orElse(today);
        var top = assessment.topSignal();
        var change = assessment.primaryChange();
        jdbc.sql("""
                INSERT INTO case_progress_snapshot (case_id, status, status_since, top_rule, top_reason, top_severity,
                    primary_first, primary_latest, last_session_on, sessions_held, rule_set_version, computed_at)
                VALUES (:id, :status, :since, :rule, :reason, :severity, :first, :latest,
                    (SELECT max(session_date) FROM therapy_session WHERE case_id = :id AND attendance = 'ATTENDED' AND voided_at IS NULL),
                    (SELECT count(*) FROM therapy_session WHERE case_id = :id AND attendance = 'ATTENDED' AND voided_at IS NULL),
                    :ruleSet, :computedAt)
                ON CONFLICT (case_id) DO UPDATE SET status = excluded.status, status_since = excluded.status_since,
                    top_rule = excluded.top_rule, top_reason = excluded.top_reason, top_severity = excluded.top_severity,
                    primary_first = excluded.primary_first, primary_latest = excluded.primary_latest,
                    last_session_on = excluded.last_session_on, sessions_held = excluded.sessions_held,
                    rule_set_version = excluded.rule_set_version, computed_at = excluded.computed_at""")
                .param("id", caseId.value())
                .param("status", assessment.status().name())
                .param("since", since)
                .param("rule", top.map(signal -> signal.rule().name()).orElse(null))
                .param("reason", top.map(signal -> signal.reason().name()).orElse(null))
                .param("severity", top.map(signal -> signal.severity().name()).orElse(null))
                .param("first", change == null ? null : change.first())
                .param("latest", change == null ? null : change.latest())
                .param("ruleSet", assessment.ruleSetVersion())
                .param("computedAt", Timestamp.from(computedAt))
                .update();
        jdbc.sql("DELETE FROM case_progress_signal WHERE case_id = :id").param("id", caseId.value()).update();
        var position = 0;
        for (var signal : assessment.signals()) {
            jdbc.sql("""
                    INSERT INTO case_progress_signal (case_id, position, rule, reason, severity, message_key, arguments,
                        sentence)
                    VALUES (:id, :position, :rule, :reason, :severity, :key, :arguments, :sentence)""")
                    .param("id", caseId.value())
                    .param("position", position++)
                    .param("rule", signal.rule().name())
                    .param("reason", signal.reason().name())
                    .param("severity", signal.severity().name())
                    .param("key", signal.explanation().key())
                    .param("arguments", encode(signal.explanation().arguments()))
                    .param("sentence", signal.sentence())
                    .update();
        }
        keepInHistory(caseId, assessment, today, computedAt, cause, settingsVersion);
        return latest(caseId).orElseThrow();
    }

    /** Adds a history entry when the verdict differs from the one in force; day counts growing alone add none. */
    private void keepInHistory(CaseId caseId, ProgressAssessment assessment, LocalDate today, Instant computedAt,
            AssessmentCause cause, long settingsVersion) {
        var inForce = jdbc.sql("""
                SELECT %s
                FROM (SELECT id, status, settings_version FROM case_assessment WHERE case_id = :id
                      ORDER BY effective_on DESC, id DESC LIMIT 1) a
                LEFT JOIN case_assessment_signal s ON s.assessment_id = a.id
                GROUP BY a.id, a.status, a.settings_version""".formatted(VERDICT_OF_ENTRY))
                .param("id", caseId.value()).query(String.class).optional();
        if (inForce.filter(verdict(assessment, settingsVersion)::equals).isPresent()) {
            return;
        }
        var entry = jdbc.sql("""
                INSERT INTO case_assessment (case_id, effective_on, recorded_at, status, cause, settings_version,
                    rule_set_version)
                VALUES (:id, :day, :at, :status, :cause, :settingsVersion, :ruleSet) RETURNING id""")
                .param("id", caseId.value())
                .param("day", today)
                .param("at", Timestamp.from(computedAt))
                .param("status", assessment.status().name())
                .param("cause", cause.name())
                .param("settingsVersion", settingsVersion)
                .param("ruleSet", assessment.ruleSetVersion())
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO case_assessment_signal (assessment_id, position, rule, reason, severity, message_key, arguments)
                SELECT :entry, position, rule, reason, severity, message_key, arguments FROM case_progress_signal
                WHERE case_id = :id""")
                .param("entry", entry).param("id", caseId.value()).update();
    }

    static String verdict(ProgressAssessment assessment, long settingsVersion) {
        return assessment.status().name() + "|" + settingsVersion + "|" + assessment.signals().stream()
                .map(signal -> signal.rule().name() + ":" + signal.severity().name())
                .collect(Collectors.joining(","));
    }

    @Override
    public Optional<ProgressSnapshot> latest(CaseId caseId) {
        var signals = jdbc.sql("""
                SELECT rule, severity, message_key, arguments FROM case_progress_signal
                WHERE case_id = :id ORDER BY position""")
                .param("id", caseId.value())
                .query((row, number) -> new Signal(Rule.valueOf(row.getString("rule")),
                        Severity.valueOf(row.getString("severity")),
                        new Explanation(row.getString("message_key"), decode((String[]) row.getArray("arguments").getArray()))))
                .list();
        return jdbc.sql("SELECT status, status_since, rule_set_version, computed_at FROM case_progress_snapshot WHERE case_id = :id")
                .param("id", caseId.value())
                .query((row, number) -> new ProgressSnapshot(caseId, CaseStatus.valueOf(row.getString("status")),
                        row.getObject("status_since", LocalDate.class), signals, row.getString("rule_set_version"),
                        row.getTimestamp("computed_at").toInstant()))
                .optional();
    }

    /** Sentence arguments keep their kind: "n:" a number, "s:" text. */
    static String[] encode(List<Object> arguments) {
        return arguments.stream()
                .map(argument -> argument instanceof Number number ? "n:" + number : "s:" + argument)
                .toArray(String[]::new);
    }

    static List<Object> decode(String[] encoded) {
        var arguments = new ArrayList<Object>();
        for (var argument : encoded) {
            var text = argument.substring(2);
            if (argument.startsWith("n:")) {
                var lower = text.toLowerCase(Locale.ROOT);
                arguments.add(lower.contains(".") || lower.contains("e") ? (Object) Double.parseDouble(text) : Long.parseLong(text));
            } else {
                arguments.add(text);
            }
        }
        return arguments;
    }
}
