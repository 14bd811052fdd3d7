package org.unstuck.web;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Clients of the demo practice that tests search for by code. */
public final class DemoClients {

    public record Client(long caseId, String code) {
    }

    private DemoClients() {
    }

    /** The first client with one case only, held by the therapist, so the code names only that case of theirs. */
    public static Client onlyClientOf(JdbcClient jdbc, String therapist) {
        return jdbc.sql("""
                SELECT c.id, cl.code FROM therapy_case c JOIN client cl ON cl.id = c.client_id
                JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = :therapist
                  AND NOT EXISTS (SELECT 1 FROM therapy_case other WHERE other.client_id = c.client_id AND other.id <> c.id)
                ORDER BY c.id LIMIT 1""")
                .param("therapist", therapist)
                .query((row, number) -> new Client(row.getLong(1), row.getString(2)))
                .single();
    }
}
