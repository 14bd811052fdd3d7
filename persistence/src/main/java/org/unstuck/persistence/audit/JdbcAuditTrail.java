package org.unstuck.persistence.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.audit.AuditEvent;
import org.unstuck.domain.audit.AuditTrail;
import org.unstuck.domain.audit.ChainVerification;
import org.unstuck.domain.caseload.CaseId;

/** The audit trail in PostgreSQL; the database chains each row's hash to the previous row's. */
@Repository
class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;

    JdbcAuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Joins the caller's transaction, so a clinical write and its audit entry commit or fail together. */
    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEvent event) {
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, action, case_id, subject, outcome, reason)
                VALUES (:at, :actor, :action, :caseId, :subject, :outcome, :reason)""")
                .param("at", Timestamp.from(event.occurredAt()))
                .param("actor", event.actor())
                .param("action", event.action())
                .param("caseId", event.caseId() == null ? null : event.caseId().value())
                .param("subject", event.subject())
                .param("outcome", event.outcome().name())
                .param("reason", event.reason())
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> breakGlassReason(String actor, CaseId caseId, Instant since) {
        return jdbc.sql("""
                SELECT reason FROM audit_event
                WHERE actor = :actor AND case_id = :caseId AND outcome = 'BREAK_GLASS' AND action = 'case.break-glass'
                  AND occurred_at >= :since
                ORDER BY sequence DESC LIMIT 1""")
                .param("actor", actor)
                .param("caseId", caseId.value())
                .param("since", Timestamp.from(since))
                .query(String.class)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEvent> aboutCase(CaseId caseId) {
        return jdbc.sql("""
                SELECT occurred_at, actor, action, case_id, subject, outcome, reason FROM audit_event
                WHERE case_id = :caseId ORDER BY sequence""")
                .param("caseId", caseId.value())
                .query((row, number) -> new AuditEvent(
                        row.getTimestamp("occurred_at").toInstant(),
                        row.getString("actor"),
                        row.getString("action"),
                        row.getObject("case_id") == null ? null : new CaseId(row.getLong("case_id")),
                        row.getString("subject"),
                        AuditEvent.Outcome.valueOf(row.getString("outcome")),
                        row.getString("reason")))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        var checked = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
        var firstBroken = jdbc.sql("""
                SELECT min(sequence) FROM (
                    SELECT sequence, previous_hash, hash,
                           audit_event_hash(previous_hash, sequence, occurred_at, actor, action, case_id, subject,
                                            outcome, reason) AS expected_hash,
                           lag(hash) OVER (ORDER BY sequence) AS hash_before,
                           lag(sequence) OVER (ORDER BY sequence) AS sequence_before
                    FROM audit_event) chain
                WHERE hash <> expected_hash
                   OR previous_hash <> coalesce(hash_before, repeat('0', 64))
                   OR sequence <> coalesce(sequence_before, 0) + 1""")
                .query(Long.class).optional();
        return new ChainVerification(checked, firstBroken.map(OptionalLong::of).orElse(OptionalLong.empty()));
    }
}
