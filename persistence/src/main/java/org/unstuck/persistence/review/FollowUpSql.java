package org.unstuck.persistence.review;

/** When a decision's follow-up is open, in SQL over a decision aliased {@code d}: the one rule every read shares. */
public final class FollowUpSql {

    /** When the referral the decision made was last declined; null when it made none or none was declined. */
    static final String REOPENED_AT = """
            (SELECT max(rf.answered_at) FROM referral rf WHERE rf.decision_id = d.id AND rf.state = 'DECLINED')""";

    /** Not superseded, and no review since the referral was last declined. */
    static final String OPEN = """
            NOT EXISTS (SELECT 1 FROM decision later WHERE later.supersedes = d.id)
            AND NOT EXISTS (SELECT 1 FROM follow_up_review fr WHERE fr.decision_id = d.id
                            AND fr.reviewed_at >= coalesce(%s, '-infinity'::timestamptz))""".formatted(REOPENED_AT);

    /** Open, and its date has come or its referral was declined. */
    static final String DUE_BY_DAY = dueBy(":day");

    /** The due rule with the day taken from the named parameter or expression. */
    public static String dueBy(String day) {
        return """
                %s AND (d.follow_up_on <= %s OR %s IS NOT NULL)""".formatted(OPEN, day, REOPENED_AT);
    }

    private FollowUpSql() {
    }
}
