package org.unstuck.web.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;

/**
 * A time shortly after midnight every day in the practice's time zone (00:05 unless told), read from the clock each time the
 * next run is worked out, so a zone the admin changes applies from the next run on.
 */
public final class NightlySchedule implements Schedule {

    static final LocalTime AT = LocalTime.of(0, 5);

    private final Clock clock;
    private final LocalTime at;

    public NightlySchedule(Clock clock) {
        this(clock, AT);
    }

    public NightlySchedule(Clock clock, LocalTime at) {
        this.clock = clock;
        this.at = at;
    }

    /** The first time of day this schedule names in the practice's zone after this instant. */
    public Instant after(Instant instant) {
        var zone = clock.getZone();
        var day = instant.atZone(zone).toLocalDate();
        var candidate = day.atTime(at).atZone(zone).toInstant();
        return candidate.isAfter(instant) ? candidate : day.plusDays(1).atTime(at).atZone(zone).toInstant();
    }

    @Override
    public Instant getNextExecutionTime(ExecutionComplete executionComplete) {
        return after(executionComplete.getTimeDone());
    }

    @Override
    public Instant getInitialExecutionTime(Instant now) {
        return after(now);
    }

    @Override
    public boolean isDeterministic() {
        return true;
    }

    @Override
    public String toString() {
        return "daily at " + at + " in the practice's time zone";
    }
}
