package org.unstuck.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL server of a test run, shared by every module's tests. It is, in order of
 * preference: the server named by {@code TEST_DATABASE_URL} (with {@code TEST_DATABASE_USERNAME}
 * and {@code TEST_DATABASE_PASSWORD}), a Testcontainers PostgreSQL 17 when Docker is available,
 * or an embedded PostgreSQL 17. Each caller gets a fresh database on that server.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Server server;

    private TestPostgres() {
    }

    /** The passwords of the two roles on the test server; the server lives as long as the test run. */
    static final String OWNER_PASSWORD = "test-owner-password";
    static final String APPLICATION_PASSWORD = "test-application-password";

    /** A new, empty database on the shared server, owned by the owner role, for the application role to use. */
    public static TestDatabase freshDatabase() {
        var shared = server();
        var name = "unstuck_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (var connection = DriverManager.getConnection(shared.adminUrl(), shared.username(), shared.password());
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + ": " + e.getMessage(), e);
        }
        try (var connection = DriverManager.getConnection(shared.urlOf(name), shared.username(), shared.password())) {
            DatabaseRoles.prepare(connection, OWNER_PASSWORD, APPLICATION_PASSWORD);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the roles of test database " + name + ": " + e.getMessage(), e);
        }
        return new TestDatabase(shared.urlOf(name), DatabaseRoles.OWNER, OWNER_PASSWORD, DatabaseRoles.APPLICATION,
                APPLICATION_PASSWORD, shared.username(), shared.password());
    }

    /** Which kind of server the tests run on, for test reports. */
    public static String description() {
        return server().description();
    }

    private static synchronized Server server() {
        if (server == null) {
            server = startServer();
        }
        return server;
    }

    private static Server startServer() {
        var url = System.getenv("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return new Server("TEST_DATABASE_URL", url,
                    envOr("TEST_DATABASE_USERNAME", "postgres"), envOr("TEST_DATABASE_PASSWORD", ""));
        }
        if (dockerAvailable()) {
            var container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new Server("Testcontainers PostgreSQL 17", container.getJdbcUrl(),
                    container.getUsername(), container.getPassword());
        }
        try {
            var embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(embedded)));
            return new Server("embedded PostgreSQL 17", embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL for the tests", e);
        }
    }

    private static boolean dockerAvailable() {
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static void closeQuietly(EmbeddedPostgres embedded) {
        try {
            embedded.close();
        } catch (IOException e) {
            System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private static String envOr(String name, String fallback) {
        var value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private record Server(String description, String adminUrl, String username, String password) {

        /** The database's address, without the user and password an embedded server's address carries, so that each role signs in as itself. */
        String urlOf(String database) {
            var query = adminUrl.indexOf('?');
            var base = query < 0 ? adminUrl : adminUrl.substring(0, query);
            var params = query < 0 ? "" : Arrays.stream(adminUrl.substring(query + 1).split("&"))
                    .filter(param -> !param.startsWith("user=") && !param.startsWith("password="))
                    .collect(Collectors.joining("&"));
            return base.substring(0, base.lastIndexOf('/') + 1) + database + (params.isEmpty() ? "" : "?" + params);
        }
    }
}
