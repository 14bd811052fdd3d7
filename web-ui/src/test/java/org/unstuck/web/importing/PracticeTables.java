package org.unstuck.web.importing;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fingerprint of the caseload tables, to show that a refused import changed nothing and a repeated
 * one nothing more: the row count and the sum of every row's 64-bit hash, which needs no sort.
 */
record PracticeTables(List<String> digests) {

    private static final List<String> TABLES = List.of("client", "therapy_case", "therapy_session", "session_score",
            "case_progress_snapshot", "risk_alert", "notification");

    static PracticeTables of(JdbcClient jdbc) {
        return new PracticeTables(TABLES.stream().map(table -> table + " " + jdbc.sql(
                "SELECT count(*) || ' ' || coalesce(sum(hashtextextended(t::text, 0)::numeric), 0) FROM " + table + " t")
                .query(String.class).single()).toList());
    }
}
