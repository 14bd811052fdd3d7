package org.unstuck.persistence.caseload;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.caseload.CaseOpeningPolicies;
import org.unstuck.domain.caseload.CaseOpeningPolicy;

@Repository
@Transactional(readOnly = true)
class JdbcCaseOpeningPolicies implements CaseOpeningPolicies {

    private final JdbcClient jdbc;

    JdbcCaseOpeningPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public CaseOpeningPolicy current() {
        return jdbc.sql("SELECT earliest_months_back FROM case_opening_policy WHERE id = 1")
                .query(Integer.class).optional().map(CaseOpeningPolicy::new).orElseGet(CaseOpeningPolicy::defaults);
    }

    @Override
    @Transactional
    public void change(CaseOpeningPolicy policy) {
        jdbc.sql("""
                INSERT INTO case_opening_policy (id, earliest_months_back) VALUES (1, :months)
                ON CONFLICT (id) DO UPDATE SET earliest_months_back = excluded.earliest_months_back,
                    version = case_opening_policy.version + 1""")
                .param("months", policy.earliestMonthsBack()).update();
    }
}
