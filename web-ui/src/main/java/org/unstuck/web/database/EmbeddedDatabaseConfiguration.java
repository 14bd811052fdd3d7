package org.unstuck.web.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.unstuck.db.DatabaseRoles;
import org.unstuck.web.common.PrivateFiles;

/**
 * Starts PostgreSQL 17 inside the application when no {@code spring.datasource.url} is set. Its
 * data stays in a folder across restarts; the server stops with the application.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /**
     * The lines of the server's {@code pg_hba.conf}, written on every start: each connection, the
     * superuser's included, gives its role's password, where the embedded server's own default lets
     * any local connection in without one.
     */
    static final String CLIENT_AUTHENTICATION = """
            # Written by Unstuck on every start: every connection gives its role's password.
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    @Bean
    EmbeddedRoles embeddedRoles(@Value("${unstuck.embedded-database.directory:.unstuck-data/postgres}") Path directory) {
        return EmbeddedRoles.beside(directory);
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${unstuck.embedded-database.directory:.unstuck-data/postgres}") Path directory, EmbeddedRoles roles)
            throws IOException, SQLException {
        var dataDirectory = new EmbeddedDataDirectory(directory);
        dataDirectory.prepare();
        var server = server(dataDirectory);
        var passwordFile = dataDirectory.path().resolveSibling("superuser-password.tmp");
        if (!Files.exists(dataDirectory.path().resolve("postgresql.conf"))) {
            // A new folder: the superuser has its password from the moment the database exists.
            Files.deleteIfExists(passwordFile);
            PrivateFiles.create(passwordFile, roles.superuserPassword() + "\n");
            server.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
        } else if (!Files.readString(dataDirectory.path().resolve("pg_hba.conf")).equals(CLIENT_AUTHENTICATION)) {
            // A folder an earlier version made let the superuser in without a password; it gets one once.
            log.info("Giving the embedded PostgreSQL's superuser a password, kept beside its data in {}", dataDirectory.path());
            try (var open = server(dataDirectory).start(); var superuser = open.getPostgresDatabase().getConnection()) {
                DatabaseRoles.setSuperuserPassword(superuser, roles.superuserPassword());
            }
        }
        log.info("Starting the embedded PostgreSQL with its data in {}", dataDirectory.path());
        EmbeddedPostgres postgres;
        try {
            postgres = server
                    .setDataDirectoryCustomizer(folder -> writeClientAuthentication(folder.toPath().resolve("pg_hba.conf")))
                    .setConnectConfig("password", roles.superuserPassword())
                    .start();
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        try (var superuser = postgres.getPostgresDatabase().getConnection()) {
            refuseRolesNotMadeHere(superuser);
            // The owner and application roles are made on every start, so an older data folder gets them too.
            DatabaseRoles.prepare(superuser, roles.ownerPassword(), roles.applicationPassword());
        } catch (SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    /** Nobody but Unstuck makes roles on its own server; one that can sign in and that it did not make is refused. */
    private static void refuseRolesNotMadeHere(Connection superuser) throws SQLException {
        var others = new ArrayList<String>();
        try (var statement = superuser.prepareStatement("""
                SELECT rolname FROM pg_roles WHERE rolcanlogin AND rolname NOT IN ('postgres', ?, ?) ORDER BY rolname""")) {
            statement.setString(1, DatabaseRoles.OWNER);
            statement.setString(2, DatabaseRoles.APPLICATION);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    others.add(rows.getString(1));
                }
            }
        }
        if (!others.isEmpty()) {
            throw new IllegalStateException("The embedded database has roles that can sign in which Unstuck did not make: "
                    + String.join(", ", others) + ". Someone may have reached it without a password; check the data, "
                    + "then remove them as postgres (its password is in " + EmbeddedRoles.FILE_NAME + ") before starting again.");
        }
    }

    private static EmbeddedPostgres.Builder server(EmbeddedDataDirectory dataDirectory) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.path())
                .setCleanDataDirectory(false)
                // The embedded server's defaults suit throw-away test databases; a practice's records must survive a crash.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
    }

    private static void writeClientAuthentication(Path file) {
        try {
            Files.writeString(file, CLIENT_AUTHENTICATION);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the embedded PostgreSQL's " + file, e);
        }
    }

    /** A database out of reach answers within seconds, as spring.datasource.hikari.connection-timeout says for an external one. */
    static final long CONNECTION_TIMEOUT_MILLIS = 3_000;

    /** The application's connections, as the role that reads and writes rows and owns nothing. */
    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedRoles roles) {
        return pool(postgres, "embedded", DatabaseRoles.APPLICATION, roles.applicationPassword(), 10);
    }

    /** The migrations' connections, as the owner of the schema. */
    @Bean(destroyMethod = "close")
    @FlywayDataSource
    HikariDataSource flywayDataSource(EmbeddedPostgres postgres, EmbeddedRoles roles) {
        return pool(postgres, "embedded-migrations", DatabaseRoles.OWNER, roles.ownerPassword(), 2);
    }

    private static HikariDataSource pool(EmbeddedPostgres postgres, String name, String user, String password, int size) {
        var config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        return new HikariDataSource(config);
    }
}
