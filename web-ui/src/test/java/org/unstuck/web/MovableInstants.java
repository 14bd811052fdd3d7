package org.unstuck.web;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The practice's time for tests: the system's until a test stops it at an instant of its choosing,
 * or stopped from the start. A test that moves the shared application's time puts it back with
 * {@link #reset()}.
 */
public final class MovableInstants implements InstantSource {

    private final AtomicReference<@Nullable Instant> stopped;

    /** The system's time until {@link #set(Instant)} stops it. */
    public MovableInstants() {
        this.stopped = new AtomicReference<>();
    }

    /** Time standing still at {@code start} until a test moves it. */
    public MovableInstants(Instant start) {
        this.stopped = new AtomicReference<>(start);
    }

    @Override
    public Instant instant() {
        var now = stopped.get();
        return now == null ? InstantSource.system().instant() : now;
    }

    public void set(Instant instant) {
        stopped.set(instant);
    }

    public void advance(Duration duration) {
        stopped.updateAndGet(now -> (now == null ? InstantSource.system().instant() : now).plus(duration));
    }

    /** Back to the system's time. */
    public void reset() {
        stopped.set(null);
    }

    /** Puts movable instants behind the application's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean(ClockConfiguration.INSTANTS)
        MovableInstants practiceInstants() {
            return new MovableInstants();
        }
    }
}
