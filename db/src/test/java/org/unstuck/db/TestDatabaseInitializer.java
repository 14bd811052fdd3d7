package org.unstuck.db;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at a fresh database on the shared test PostgreSQL server: the application
 * connects as the application role and Flyway migrates as the owner, as in production.
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
                "unstuck.test.database.admin-password", database.adminPassword())));
    }
}
