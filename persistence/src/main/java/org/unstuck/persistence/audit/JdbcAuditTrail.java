package org.unstuck.persistence.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.audit.AuditEvent;
import org.unstuck.domain.audit.AuditTrail;
import org.unstuck.domain.audit.ChainVerification;
import org.unstuck.domain.audit.ChainVerification.Break;
import org.unstuck.domain.audit.ChainVerification.ChainHead;
import org.unstuck.domain.audit.ChainVerification.Problem;
import org.unstuck.domain.caseload.CaseId;

/**
 * The audit trail in PostgreSQL. Each entry's hash is keyed with a secret the database does not
 * hold and covers the previous entry's hash; the database accepts an entry only as the successor
 * of the last one.
 */
@Repository
class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;
    private final AuditChainKey key;

    JdbcAuditTrail(JdbcClient jdbc, AuditChainKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    /**
     * Joins the caller's transaction, so a clinical write and its audit entry commit or fail together.
     * The lock is the one the database's chain trigger takes, so writers follow one another; the last
     * entry is read in a statement of its own after the lock, since a statement's snapshot is taken
     * when it starts and would miss the entry the previous holder of the lock committed meanwhile.
     */
    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEvent event) {
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtext('audit_event_chain'))").query(Integer.class).single();
        var last = jdbc.sql("SELECT sequence, hash FROM audit_event ORDER BY sequence DESC LIMIT 1")
                .query((row, number) -> new ChainHead(row.getLong("sequence"), row.getString("hash")))
                .optional().orElse(ChainHead.EMPTY);
        var previousHash = last.hash() == null ? NO_PREVIOUS_HASH : last.hash();
        var sequence = last.sequence() + 1;
        var at = event.occurredAt().truncatedTo(ChronoUnit.MICROS);
        var caseId = event.caseId() == null ? null : event.caseId().value();
        jdbc.sql("""
                INSERT INTO audit_event (sequence, occurred_at, actor, action, case_id, subject, outcome, reason,
                                         previous_hash, hash)
                VALUES (:sequence, :at, :actor, :action, :caseId, :subject, :outcome, :reason, :previousHash, :hash)""")
                .param("sequence", sequence)
                .param("at", Timestamp.from(at))
                .param("actor", event.actor())
                .param("action", event.action())
                .param("caseId", caseId)
                .param("subject", event.subject())
                .param("outcome", event.outcome().name())
                .param("reason", event.reason())
                .param("previousHash", previousHash)
                .param("hash", key.hash(previousHash, sequence, at, event.actor(), event.action(), caseId, event.subject(),
                        event.outcome().name(), event.reason()))
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

    /**
     * Reads the trail once, oldest first, in slices: entries written before the chain was keyed are
     * checked with the database's own unkeyed hash, later ones with the key.
     */
    @Override
    @Transactional(readOnly = true)
    public ChainVerification verify(Collection<ChainHead> exportedHeads) {
        var anchors = new HashMap<Long, String>();
        exportedHeads.forEach(head -> anchors.put(head.sequence(), head.hash()));
        var walk = new ChainWalk(anchors);
        jdbc.sql("""
                SELECT sequence, occurred_at, actor, action, case_id, subject, outcome, reason, previous_hash, hash, keyed,
                       CASE WHEN NOT keyed THEN audit_event_hash(previous_hash, sequence, occurred_at, actor, action,
                                                                 case_id, subject, outcome, reason) END AS unkeyed_hash
                FROM audit_event ORDER BY sequence""")
                .withFetchSize(VERIFY_FETCH_SIZE)
                .query(walk::next);
        return walk.result();
    }

    private static final String NO_PREVIOUS_HASH = "0".repeat(64);
    private static final int VERIFY_FETCH_SIZE = 2_000;

    /** The state of one verification as it reads the trail entry by entry. */
    private final class ChainWalk {

        private final Map<Long, String> anchors;
        private long checked;
        private ChainHead last = ChainHead.EMPTY;
        private boolean keyedSeen;
        private @Nullable Break firstBreak;

        ChainWalk(Map<Long, String> anchors) {
            this.anchors = anchors;
        }

        void next(ResultSet row) throws SQLException {
            checked++;
            var sequence = row.getLong("sequence");
            var hash = row.getString("hash");
            var keyed = row.getBoolean("keyed");
            var previousHash = row.getString("previous_hash");
            if (sequence != last.sequence() + 1) {
                broken(sequence, Problem.SEQUENCE_GAP);
            } else if (!previousHash.equals(last.hash() == null ? NO_PREVIOUS_HASH : last.hash())) {
                broken(sequence, Problem.LINK_BROKEN);
            } else if (!keyed && keyedSeen) {
                broken(sequence, Problem.UNKEYED_AFTER_KEYED);
            } else if (!hash.equals(keyed ? expectedKeyedHash(row, sequence, previousHash) : row.getString("unkeyed_hash"))) {
                broken(sequence, Problem.HASH_MISMATCH);
            }
            var anchored = anchors.get(sequence);
            if (anchored != null && !anchored.equals(hash)) {
                broken(sequence, Problem.EXPORTED_HEAD_DIFFERS);
            }
            keyedSeen |= keyed;
            last = new ChainHead(sequence, hash);
        }

        private String expectedKeyedHash(ResultSet row, long sequence, String previousHash) throws SQLException {
            return key.hash(previousHash, sequence, row.getTimestamp("occurred_at").toInstant(), row.getString("actor"),
                    row.getString("action"), row.getObject("case_id", Long.class), row.getString("subject"),
                    row.getString("outcome"), row.getString("reason"));
        }

        private void broken(long sequence, Problem problem) {
            if (firstBreak == null) {
                firstBreak = new Break(sequence, problem);
            }
        }

        ChainVerification result() {
            var beyondHead = anchors.keySet().stream().filter(sequence -> sequence > last.sequence()).min(Long::compare);
            beyondHead.ifPresent(sequence -> broken(last.sequence() + 1, Problem.EXPORTED_HEAD_MISSING));
            return new ChainVerification(checked, last, anchors.size(), Optional.ofNullable(firstBreak));
        }
    }
}
