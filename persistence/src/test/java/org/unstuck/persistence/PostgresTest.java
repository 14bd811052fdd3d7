package org.unstuck.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.unstuck.db.TestDatabaseInitializer;

/** A Spring test of the persistence module on a fresh PostgreSQL database migrated by Flyway. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = PersistenceTestApplication.class)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
public @interface PostgresTest {
}
