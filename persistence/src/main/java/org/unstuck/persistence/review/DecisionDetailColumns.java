package org.unstuck.persistence.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.DecisionType;

/**
 * A decision's details from the decision table's own column names (decision_type, approach_from,
 * approach_to, colleague_id, detail), for the decision log and for read models that select them.
 */
public final class DecisionDetailColumns {

    private DecisionDetailColumns() {
    }

    public static DecisionDetails read(ResultSet row) throws SQLException {
        var detail = row.getString("detail");
        return switch (DecisionType.valueOf(row.getString("decision_type"))) {
            case CONTINUE -> new DecisionDetails.ContinuePlan();
            case CHANGE_APPROACH -> new DecisionDetails.ChangeApproach(new Approach(row.getString("approach_from")),
                    new Approach(row.getString("approach_to")));
            case REFER_TO_COLLEAGUE -> new DecisionDetails.ReferToColleague(new UserId(row.getLong("colleague_id")));
            case REFER_EXTERNALLY -> new DecisionDetails.ReferExternally(detail);
            case CHANGE_FREQUENCY -> new DecisionDetails.ChangeFrequency(detail);
            case ADD_ASSESSMENT -> new DecisionDetails.AddAssessment(detail);
            case PLANNED_ENDING -> new DecisionDetails.PlannedEnding();
            case ESCALATE_RISK -> new DecisionDetails.EscalateRisk(detail);
            case RISK_REVIEWED -> new DecisionDetails.RiskReviewed();
        };
    }
}
