package org.unstuck.web.importing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.unstuck.db.TestDatabaseInitializer;

/**
 * The whole application on a demo practice of its own: imports add cases to the caseloads and
 * boards, which the other tests' shared practice must not see.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"unstuck.demo.enabled=true", "unstuck.test.practice=imports", "unstuck.jobs.scheduler-enabled=false"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
public @interface ImportAppTest {
}
