package org.unstuck.persistence.progress;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.progress.AssessedStatus;
import org.unstuck.domain.progress.AssessmentCause;
import org.unstuck.domain.progress.AssessmentHistory;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.Explanation;
import org.unstuck.domain.progress.Rule;
import org.unstuck.domain.progress.Severity;
import org.unstuck.domain.progress.Signal;

@Repository
@Transactional(readOnly = true)
class JdbcAssessmentHistory implements AssessmentHistory {

    /** The entries chosen in the subquery {@code a}, each with its signals in order, in one statement. */
    private static final String WITH_SIGNALS = """
            SELECT a.id, a.case_id, a.effective_on, a.status, a.cause, a.settings_version,
                   s.position, s.rule, s.severity, s.message_key, s.arguments
            FROM (%s) a
            LEFT JOIN case_assessment_signal s ON s.assessment_id = a.id
            ORDER BY a.case_id, a.effective_on, a.id, s.position""";

    private final JdbcClient jdbc;

    JdbcAssessmentHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AssessedStatus> on(CaseId caseId, LocalDate day) {
        return read(jdbc.sql(WITH_SIGNALS.formatted("""
                SELECT * FROM case_assessment WHERE case_id = :id AND effective_on <= :day
                ORDER BY effective_on DESC, id DESC LIMIT 1"""))
                .param("id", caseId.value()).param("day", day)).stream().findFirst();
    }

    @Override
    public Map<CaseId, AssessedStatus> on(Collection<CaseId> caseIds, LocalDate day) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        var entries = read(jdbc.sql(WITH_SIGNALS.formatted("""
                SELECT latest.* FROM unnest(:ids) AS wanted(case_id)
                CROSS JOIN LATERAL (SELECT * FROM case_assessment c WHERE c.case_id = wanted.case_id
                                    AND c.effective_on <= :day ORDER BY c.effective_on DESC, c.id DESC LIMIT 1) latest"""))
                .param("ids", caseIds.stream().map(CaseId::value).distinct().toArray(Long[]::new))
                .param("day", day));
        var byCase = new LinkedHashMap<CaseId, AssessedStatus>();
        entries.forEach(entry -> byCase.put(entry.caseId(), entry));
        return byCase;
    }

    @Override
    public List<AssessedStatus> of(CaseId caseId) {
        return read(jdbc.sql(WITH_SIGNALS.formatted("SELECT * FROM case_assessment WHERE case_id = :id"))
                .param("id", caseId.value()));
    }

    private static List<AssessedStatus> read(JdbcClient.StatementSpec statement) {
        ResultSetExtractor<List<AssessedStatus>> grouped = row -> {
            var entries = new ArrayList<AssessedStatus>();
            long current = -1;
            Entry entry = null;
            while (row.next()) {
                var id = row.getLong("id");
                if (id != current) {
                    if (entry != null) {
                        entries.add(entry.toStatus());
                    }
                    current = id;
                    entry = new Entry(new CaseId(row.getLong("case_id")), row.getObject("effective_on", LocalDate.class),
                            CaseStatus.valueOf(row.getString("status")), AssessmentCause.valueOf(row.getString("cause")),
                            row.getLong("settings_version"), new ArrayList<>());
                }
                if (row.getString("rule") != null) {
                    entry.signals().add(new Signal(Rule.valueOf(row.getString("rule")),
                            Severity.valueOf(row.getString("severity")),
                            new Explanation(row.getString("message_key"), arguments(row.getArray("arguments")))));
                }
            }
            if (entry != null) {
                entries.add(entry.toStatus());
            }
            return entries;
        };
        return statement.query(grouped);
    }

    private static List<Object> arguments(Array array) throws SQLException {
        return JdbcProgressSnapshots.decode((String[]) array.getArray());
    }

    private record Entry(CaseId caseId, LocalDate effectiveOn, CaseStatus status, AssessmentCause cause,
            long settingsVersion, List<Signal> signals) {

        AssessedStatus toStatus() {
            return new AssessedStatus(caseId, effectiveOn, status, signals, cause, settingsVersion);
        }
    }
}
