package org.unstuck.web.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.unstuck.db.DatabaseRoles;

/**
 * Starts PostgreSQL 17 inside the application when no {@code spring.datasource.url} is set. Its
 * data stays in a folder across restarts; the server stops with the application.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${unstuck.embedded-database.directory:.unstuck-data/postgres}") Path directory) throws IOException {
        var dataDirectory = new EmbeddedDataDirectory(directory);
        dataDirectory.prepare();
        log.info("Starting the embedded PostgreSQL with its data in {}", dataDirectory.path());
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.path())
                .setCleanDataDirectory(false)
                // The embedded server's defaults suit throw-away test databases; a practice's records must survive a crash.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
    }

    /** A database out of reach answers within seconds, as spring.datasource.hikari.connection-timeout says for an external one. */
    static final long CONNECTION_TIMEOUT_MILLIS = 3_000;

    /** Makes the owner and application roles on every start, so an older data folder gets them too. */
    @Bean
    EmbeddedRoles embeddedRoles(EmbeddedPostgres postgres,
            @Value("${unstuck.embedded-database.directory:.unstuck-data/postgres}") Path directory) throws SQLException {
        var roles = EmbeddedRoles.beside(directory);
        try (var superuser = postgres.getPostgresDatabase().getConnection()) {
            DatabaseRoles.prepare(superuser, roles.ownerPassword(), roles.applicationPassword());
        }
        return roles;
    }

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
