package org.unstuck.web.demo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.unstuck.web.database.EmbeddedDatabaseCondition;

/**
 * The demo practice is on when {@code unstuck.demo.enabled} says so; unset, it is on with the
 * embedded database and off with an external one.
 */
class DemoPracticeCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        var explicit = environment.getProperty("unstuck.demo.enabled", Boolean.class);
        return explicit != null ? explicit : EmbeddedDatabaseCondition.usesEmbeddedDatabase(environment);
    }
}
