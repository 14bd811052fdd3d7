package org.unstuck.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at a fresh database on the shared test PostgreSQL server: the application
 * connects as the application role and Flyway migrates as the owner, as in production, and its
 * audit chain has a key and an exported-heads file of its own.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var database = TestPostgres.freshDatabase();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", Map.of(
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.applicationUsername(),
                "spring.datasource.password", database.applicationPassword(),
                "spring.flyway.user", database.username(),
                "spring.flyway.password", database.password(),
                "unstuck.test.database.admin-username", database.adminUsername(),
                "unstuck.test.database.admin-password", database.adminPassword(),
                "unstuck.audit.key", Base64.getEncoder().encodeToString(secret()),
                "unstuck.audit.heads-file", headsFile().toString())));
    }

    /** A key of the test database's own, as each practice has one. */
    private static byte[] secret() {
        var secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** The exported heads of this database's chain only. */
    private static Path headsFile() {
        try {
            var directory = Files.createTempDirectory("unstuck-audit-heads");
            return directory.resolve("audit-chain-heads.log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
