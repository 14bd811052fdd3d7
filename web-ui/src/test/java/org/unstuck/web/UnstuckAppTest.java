package org.unstuck.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.unstuck.db.StatementLog;
import org.unstuck.db.TestDatabaseInitializer;

/**
 * The whole application on a random port, on a fresh test PostgreSQL database with the demo
 * practice seeded, sending its e-mail to a test SMTP server. Every test with this annotation shares one application context. Browsers send a
 * heartbeat every two seconds, so that idle logoff can be shown within seconds. This node takes no
 * scheduled jobs, so a nightly run never changes the shared practice under a test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"unstuck.demo.enabled=true", "vaadin.heartbeatInterval=2", "unstuck.jobs.scheduler-enabled=false"})
@ContextConfiguration(initializers = {TestDatabaseInitializer.class, TestMailServer.class})
@Import({TestSessions.class, MovableInstants.Configuration.class, StatementLog.class})
public @interface UnstuckAppTest {
}
