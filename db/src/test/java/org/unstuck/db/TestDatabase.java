package org.unstuck.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One PostgreSQL database made for a test, empty when handed out.
 *
 * @param username the owner role, which migrates the schema
 * @param applicationUsername the role the application connects as
 * @param adminUsername a superuser of the test server, for tests that act behind the application's back
 */
public record TestDatabase(String jdbcUrl, String username, String password, String applicationUsername,
        String applicationPassword, String adminUsername, String adminPassword) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }
}
