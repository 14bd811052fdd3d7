package org.unstuck.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** One PostgreSQL database made for a test, empty when handed out. */
public record TestDatabase(String jdbcUrl, String username, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }
}
