package org.unstuck.persistence.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionId;
import org.unstuck.domain.review.FollowUpReview;
import org.unstuck.domain.review.FollowUpReviews;
import org.unstuck.persistence.ConstraintMessages;

/** Reviews are inserted, never changed; the schema refuses a second review of a follow-up still reviewed. */
@Repository
@Transactional(readOnly = true)
class JdbcFollowUpReviews implements FollowUpReviews {

    private final JdbcClient jdbc;

    JdbcFollowUpReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public FollowUpReview record(FollowUpReview review) {
        try {
            jdbc.sql("""
                    INSERT INTO follow_up_review (decision_id, answered_by, reviewed_by, reviewed_at, reviewed_on, note)
                    VALUES (:decision, :answeredBy, :by, :at, :on, :note)""")
                    .param("decision", review.followUp().value())
                    .param("answeredBy", review.answeredBy() == null ? null : review.answeredBy().value())
                    .param("by", review.reviewedBy().value())
                    .param("at", Timestamp.from(review.reviewedAt()))
                    .param("on", review.reviewedOn())
                    .param("note", review.note())
                    .update();
            return review;
        } catch (DataIntegrityViolationException refused) {
            throw ConstraintMessages.translate(refused);
        }
    }

    @Override
    @Transactional
    public List<FollowUpReview> answerOpenFollowUps(Decision answering) {
        var id = Objects.requireNonNull(answering.id(), "Only a recorded decision answers follow-ups");
        if (answering.supersedes() != null) {
            return List.of();
        }
        var open = jdbc.sql("SELECT d.id FROM decision d WHERE d.case_id = :caseId AND d.id <> :id AND "
                        + FollowUpSql.OPEN + " ORDER BY d.id")
                .param("caseId", answering.caseId().value()).param("id", id.value())
                .query((row, number) -> new DecisionId(row.getLong(1))).list();
        return open.stream().map(followUp -> record(new FollowUpReview(followUp, id, answering.decidedBy(),
                answering.decidedAt(), answering.decidedOn(), null))).toList();
    }

    @Override
    public List<DecisionId> openOn(CaseId caseId) {
        return jdbc.sql("SELECT d.id FROM decision d WHERE d.case_id = :caseId AND " + FollowUpSql.OPEN + " ORDER BY d.id")
                .param("caseId", caseId.value()).query((row, number) -> new DecisionId(row.getLong(1))).list();
    }

    @Override
    public Map<DecisionId, FollowUpReview> latestOnCase(CaseId caseId) {
        return latest("r.decision_id IN (SELECT id FROM decision WHERE case_id = :value)", caseId.value());
    }

    @Override
    public Map<DecisionId, FollowUpReview> latestOf(Collection<DecisionId> decisions) {
        if (decisions.isEmpty()) {
            return Map.of();
        }
        return latest("r.decision_id = ANY(:value)", decisions.stream().map(DecisionId::value).toArray(Long[]::new));
    }

    private Map<DecisionId, FollowUpReview> latest(String condition, Object value) {
        var reviews = new HashMap<DecisionId, FollowUpReview>();
        jdbc.sql("""
                SELECT DISTINCT ON (r.decision_id) r.* FROM follow_up_review r WHERE %s
                ORDER BY r.decision_id, r.reviewed_at DESC, r.id DESC""".formatted(condition))
                .param("value", value)
                .query(JdbcFollowUpReviews::review)
                .list()
                .forEach(review -> reviews.put(review.followUp(), review));
        return reviews;
    }

    private static FollowUpReview review(ResultSet row, int number) throws SQLException {
        return new FollowUpReview(new DecisionId(row.getLong("decision_id")),
                row.getObject("answered_by") == null ? null : new DecisionId(row.getLong("answered_by")),
                new UserId(row.getLong("reviewed_by")), row.getTimestamp("reviewed_at").toInstant(),
                row.getObject("reviewed_on", LocalDate.class), row.getString("note"));
    }
}
