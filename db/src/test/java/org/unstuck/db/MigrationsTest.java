package org.unstuck.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    private static Flyway flywayOn(TestDatabase database) {
        return Flyway.configure()
                .dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/migration")
                .load();
    }

    @Test
    void an_empty_database_migrates_and_a_second_run_changes_nothing() throws SQLException {
        var database = TestPostgres.freshDatabase();
        var first = flywayOn(database).migrate();
        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isPositive();

        var tablesAfterFirst = tables(database);
        var second = flywayOn(database).migrate();
        assertThat(second.migrationsExecuted).isZero();
        assertThat(tables(database)).isEqualTo(tablesAfterFirst).contains("user_account", "user_role", "supervision_pair");
    }

    @Test
    void the_schema_refuses_a_role_it_does_not_know() throws SQLException {
        var database = TestPostgres.freshDatabase();
        flywayOn(database).migrate();
        try (var connection = database.connect(); var statement = connection.createStatement()) {
            statement.execute("INSERT INTO user_account (username, display_name, password_hash) VALUES ('alex', 'Alex', 'x')");
            assertThatThrownBy(() -> statement.execute(
                    "INSERT INTO user_role (user_id, role) SELECT id, 'OWNER' FROM user_account"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("user_role_role_known");
        }
    }

    @Test
    void the_schema_refuses_a_username_outside_the_allowed_characters() throws SQLException {
        var database = TestPostgres.freshDatabase();
        flywayOn(database).migrate();
        try (var connection = database.connect(); var statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute(
                    "INSERT INTO user_account (username, display_name, password_hash) VALUES ('Bad Name', 'X', 'x')"))
                    .hasMessageContaining("user_account_username_format");
        }
    }

    private static List<String> tables(TestDatabase database) throws SQLException {
        var names = new ArrayList<String>();
        try (var connection = database.connect();
             var result = connection.createStatement().executeQuery(
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")) {
            while (result.next()) {
                names.add(result.getString(1));
            }
        }
        return names;
    }
}
