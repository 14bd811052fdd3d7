package org.unstuck.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

/** The tables and columns that hold clinical data, which what the practice manager reads must name none of. */
public final class ClinicalData {

    private static final Pattern CLINICAL = Pattern.compile("(?i)\\b(session_score|score|reflective_note\\w*|relationship|"
            + "method_fit|my_reactions|client_collaboration|what_i_need_to_learn|hard_to_work_with|presenting_problem|"
            + "approach|primary_measure|alliance_measure|case_progress_\\w+|decision|rationale|client|code|homework|"
            + "attendance|therapy_session|audit_event|risk_alert\\w*|items)\\b");

    private ClinicalData() {
    }

    public static void assertNoneIn(String sql) {
        assertThat(CLINICAL.matcher(sql).find()).as("clinical data in: %s", sql).isFalse();
    }
}
