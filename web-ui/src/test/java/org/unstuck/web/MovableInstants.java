package org.unstuck.web;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The instants of the practice's clock in tests: the system's, until a test stops time at an instant
 * of its choosing. A test that moves time puts it back with {@link #reset()}.
 */
public final class MovableInstants implements InstantSource {

    private final AtomicReference<@Nullable Instant> fixed = new AtomicReference<>();

    @Override
    public Instant instant() {
        var now = fixed.get();
        return now == null ? InstantSource.system().instant() : now;
    }

    public void moveTo(Instant instant) {
        fixed.set(instant);
    }

    public void reset() {
        fixed.set(null);
    }

    /** Puts the movable instants behind the application's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean(ClockConfiguration.INSTANTS)
        MovableInstants practiceInstants() {
            return new MovableInstants();
        }
    }
}
