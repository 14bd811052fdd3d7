package org.unstuck.persistence.audit;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.audit.ChainVerification;
import org.unstuck.domain.audit.ChainVerification.Break;
import org.unstuck.domain.audit.ChainVerification.ChainHead;
import org.unstuck.domain.audit.ChainVerification.Problem;

/** The record of every check of the audit chain, newest first. */
@Repository
public class JdbcAuditChainChecks {

    private final JdbcClient jdbc;

    JdbcAuditChainChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void record(AuditChainCheck check) {
        var verification = check.verification();
        jdbc.sql("""
                INSERT INTO audit_chain_check (checked_at, requested_by, entries_checked, head_sequence, head_hash,
                                               anchors_checked, outcome, first_bad_entry, problem)
                VALUES (:at, :by, :entries, :headSequence, :headHash, :anchors, :outcome, :firstBad, :problem)""")
                .param("at", Timestamp.from(check.checkedAt()))
                .param("by", check.requestedBy())
                .param("entries", verification.entriesChecked())
                .param("headSequence", verification.head().sequence())
                .param("headHash", verification.head().hash())
                .param("anchors", verification.anchorsChecked())
                .param("outcome", verification.intact() ? "INTACT" : "BROKEN")
                .param("firstBad", verification.firstBreak().map(Break::entry).orElse(null))
                .param("problem", verification.firstBreak().map(found -> found.problem().name()).orElse(null))
                .update();
    }

    @Transactional(readOnly = true)
    public List<AuditChainCheck> latest(int limit) {
        return jdbc.sql("""
                SELECT checked_at, requested_by, entries_checked, head_sequence, head_hash, anchors_checked,
                       first_bad_entry, problem
                FROM audit_chain_check ORDER BY checked_at DESC, id DESC LIMIT :limit""")
                .param("limit", limit)
                .query((row, number) -> {
                    var problem = row.getString("problem");
                    var firstBreak = problem == null ? Optional.<Break>empty()
                            : Optional.of(new Break(row.getLong("first_bad_entry"), Problem.valueOf(problem)));
                    return new AuditChainCheck(row.getTimestamp("checked_at").toInstant(), row.getString("requested_by"),
                            new ChainVerification(row.getLong("entries_checked"),
                                    new ChainHead(row.getLong("head_sequence"), row.getString("head_hash")),
                                    row.getInt("anchors_checked"), firstBreak));
                })
                .list();
    }
}
