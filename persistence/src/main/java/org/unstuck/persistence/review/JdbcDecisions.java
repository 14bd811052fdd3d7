package org.unstuck.persistence.review;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.DecisionId;
import org.unstuck.domain.review.Decisions;
import org.unstuck.domain.review.MeetingId;
import org.unstuck.persistence.ConstraintMessages;

/** The decision log: rows are inserted, never updated; the schema refuses UPDATE and DELETE. */
@Repository
@Transactional(readOnly = true)
class JdbcDecisions implements Decisions {

    private final JdbcClient jdbc;

    JdbcDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Decision> find(DecisionId id) {
        return jdbc.sql("SELECT * FROM decision WHERE id = :id").param("id", id.value()).query(JdbcDecisions::decision).optional();
    }

    @Override
    public List<Decision> onCase(CaseId caseId) {
        return jdbc.sql("SELECT * FROM decision WHERE case_id = :caseId ORDER BY decided_at, id")
                .param("caseId", caseId.value()).query(JdbcDecisions::decision).list();
    }

    @Override
    public List<Decision> decidedBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT * FROM decision WHERE decided_on BETWEEN :from AND :to ORDER BY decided_at, id")
                .param("from", from).param("to", to).query(JdbcDecisions::decision).list();
    }

    @Override
    public List<Decision> inMeeting(MeetingId meeting) {
        return jdbc.sql("SELECT * FROM decision WHERE meeting_id = :meeting ORDER BY decided_at, id")
                .param("meeting", meeting.value()).query(JdbcDecisions::decision).list();
    }

    @Override
    public Map<MeetingId, Integer> countInMeetings(Collection<MeetingId> meetings) {
        if (meetings.isEmpty()) {
            return Map.of();
        }
        var counts = new HashMap<MeetingId, Integer>();
        jdbc.sql("SELECT meeting_id, count(*) FROM decision WHERE meeting_id IN (:meetings) GROUP BY meeting_id")
                .param("meetings", meetings.stream().map(MeetingId::value).toList())
                .query((row, number) -> counts.put(new MeetingId(row.getLong(1)), row.getInt(2)))
                .list();
        return counts;
    }

    @Override
    public List<Decision> followUpsDueBy(LocalDate day) {
        return jdbc.sql("SELECT * FROM decision d WHERE " + FollowUpSql.DUE_BY_DAY + " ORDER BY d.follow_up_on, d.id")
                .param("day", day).query(JdbcDecisions::decision).list();
    }

    @Override
    public List<Decision> followUpsDueOnCase(CaseId caseId, LocalDate day) {
        return jdbc.sql("SELECT * FROM decision d WHERE d.case_id = :caseId AND " + FollowUpSql.DUE_BY_DAY
                        + " ORDER BY d.follow_up_on, d.id")
                .param("caseId", caseId.value()).param("day", day).query(JdbcDecisions::decision).list();
    }

    @Override
    @Transactional
    public Decision record(Decision decision) {
        if (decision.id() != null) {
            throw new IllegalArgumentException("A recorded decision is never recorded again; record a new one that supersedes it");
        }
        var details = decision.details();
        try {
            var id = jdbc.sql("""
                    INSERT INTO decision (case_id, meeting_id, decision_type, approach_from, approach_to, colleague_id,
                        detail, rationale, reasons, owner_id, follow_up_on, decided_by, decided_at, decided_on,
                        status_at_decision, primary_score_at_decision, supersedes)
                    VALUES (:caseId, :meeting, :type, :from, :to, :colleague, :detail, :rationale,
                        string_to_array(:reasons, ',')::VARCHAR(24)[], :owner, :followUp, :decidedBy, :decidedAt,
                        :decidedOn, :status, :score, :supersedes)
                    RETURNING id""")
                    .param("caseId", decision.caseId().value())
                    .param("meeting", decision.meeting() == null ? null : decision.meeting().value())
                    .param("type", decision.type().name())
                    .param("from", details instanceof DecisionDetails.ChangeApproach change ? change.from().name() : null)
                    .param("to", details instanceof DecisionDetails.ChangeApproach change ? change.to().name() : null)
                    .param("colleague", details instanceof DecisionDetails.ReferToColleague refer ? refer.colleague().value() : null)
                    .param("detail", detail(details))
                    .param("rationale", decision.rationale())
                    .param("reasons", decision.reasons().stream().sorted().map(Enum::name).collect(Collectors.joining(",")))
                    .param("owner", decision.owner().value())
                    .param("followUp", decision.followUpOn())
                    .param("decidedBy", decision.decidedBy().value())
                    .param("decidedAt", Timestamp.from(decision.decidedAt()))
                    .param("decidedOn", decision.decidedOn())
                    .param("status", decision.statusAtDecision().name())
                    .param("score", decision.primaryScoreAtDecision())
                    .param("supersedes", decision.supersedes() == null ? null : decision.supersedes().value())
                    .query(Long.class).single();
            return find(new DecisionId(id)).orElseThrow();
        } catch (DataIntegrityViolationException refused) {
            throw ConstraintMessages.translate(refused);
        }
    }

    private static @Nullable String detail(DecisionDetails details) {
        return switch (details) {
            case DecisionDetails.ReferExternally refer -> refer.service();
            case DecisionDetails.ChangeFrequency change -> change.newFrequency();
            case DecisionDetails.AddAssessment add -> add.assessment();
            case DecisionDetails.EscalateRisk escalate -> escalate.action();
            case DecisionDetails.ContinuePlan ignored -> null;
            case DecisionDetails.ChangeApproach ignored -> null;
            case DecisionDetails.ReferToColleague ignored -> null;
            case DecisionDetails.PlannedEnding ignored -> null;
            case DecisionDetails.RiskReviewed ignored -> null;
        };
    }

    static Decision decision(ResultSet row, int number) throws SQLException {
        var score = row.getBigDecimal("primary_score_at_decision");
        return new Decision(
                new DecisionId(row.getLong("id")),
                new CaseId(row.getLong("case_id")),
                row.getObject("meeting_id") == null ? null : new MeetingId(row.getLong("meeting_id")),
                DecisionDetailColumns.read(row),
                row.getString("rationale"),
                reasons(row.getArray("reasons")),
                new UserId(row.getLong("owner_id")),
                row.getObject("follow_up_on", LocalDate.class),
                new UserId(row.getLong("decided_by")),
                row.getTimestamp("decided_at").toInstant(),
                row.getObject("decided_on", LocalDate.class),
                CaseStatus.valueOf(row.getString("status_at_decision")),
                score == null ? null : score.doubleValue(),
                row.getObject("supersedes") == null ? null : new DecisionId(row.getLong("supersedes")));
    }

    private static EnumSet<StallReason> reasons(Array array) throws SQLException {
        var names = (String[]) array.getArray();
        var reasons = EnumSet.noneOf(StallReason.class);
        Arrays.stream(names).map(StallReason::valueOf).forEach(reasons::add);
        return reasons;
    }
}
