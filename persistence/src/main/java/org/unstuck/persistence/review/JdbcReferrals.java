package org.unstuck.persistence.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.review.DecisionId;
import org.unstuck.domain.review.Referral;
import org.unstuck.domain.review.Referrals;

/** A referral is proposed once and answered once; the answer is stored only over a still-proposed row. */
@Repository
@Transactional(readOnly = true)
class JdbcReferrals implements Referrals {

    private final JdbcClient jdbc;

    JdbcReferrals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Referral> find(long id) {
        return jdbc.sql("SELECT * FROM referral WHERE id = :id").param("id", id).query(JdbcReferrals::referral).optional();
    }

    @Override
    public List<Referral> proposedTo(UserId therapist) {
        return jdbc.sql("SELECT * FROM referral WHERE to_therapist = :therapist AND state = 'PROPOSED' ORDER BY id")
                .param("therapist", therapist.value()).query(JdbcReferrals::referral).list();
    }

    @Override
    public List<Referral> onCase(CaseId caseId) {
        return jdbc.sql("SELECT * FROM referral WHERE case_id = :caseId ORDER BY id")
                .param("caseId", caseId.value()).query(JdbcReferrals::referral).list();
    }

    @Override
    public Map<DecisionId, Referral> ofDecisions(Collection<DecisionId> decisions) {
        if (decisions.isEmpty()) {
            return Map.of();
        }
        var byDecision = new HashMap<DecisionId, Referral>();
        jdbc.sql("SELECT * FROM referral WHERE decision_id = ANY(:decisions)")
                .param("decisions", decisions.stream().map(DecisionId::value).toArray(Long[]::new))
                .query(JdbcReferrals::referral).list()
                .forEach(referral -> byDecision.put(referral.decision(), referral));
        return byDecision;
    }

    @Override
    @Transactional
    public Referral save(Referral referral) {
        if (referral.id() == null) {
            var id = jdbc.sql("""
                    INSERT INTO referral (decision_id, case_id, from_therapist, to_therapist, state)
                    VALUES (:decision, :caseId, :from, :to, 'PROPOSED') RETURNING id""")
                    .param("decision", referral.decision().value())
                    .param("caseId", referral.caseId().value())
                    .param("from", referral.from().value())
                    .param("to", referral.to().value())
                    .query(Long.class).single();
            return find(id).orElseThrow();
        }
        var updated = jdbc.sql("""
                UPDATE referral SET state = :state, answered_at = :at, decline_reason = :reason, version = version + 1
                WHERE id = :id AND state = 'PROPOSED'""")
                .param("state", referral.state().name())
                .param("at", referral.answeredAt() == null ? null : Timestamp.from(referral.answeredAt()))
                .param("reason", referral.declineReason())
                .param("id", referral.id())
                .update();
        if (updated == 0) {
            throw new ConcurrentChangeException("this referral");
        }
        return find(referral.id()).orElseThrow();
    }

    private static Referral referral(ResultSet row, int number) throws SQLException {
        var answered = row.getTimestamp("answered_at");
        return new Referral(row.getLong("id"), new DecisionId(row.getLong("decision_id")), new CaseId(row.getLong("case_id")),
                new UserId(row.getLong("from_therapist")), new UserId(row.getLong("to_therapist")),
                Referral.State.valueOf(row.getString("state")), answered == null ? null : answered.toInstant(),
                row.getString("decline_reason"));
    }
}
