package org.unstuck.web.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import org.unstuck.domain.practice.PracticeTimeZone;

/**
 * The clock in the practice's time zone: the only source of "today" in services, views, reports and
 * jobs. The zone is read from the practice's settings and read again a minute later, so a change
 * made on another application node reaches this one within a minute.
 */
public final class PracticeClock extends Clock {

    private static final Duration ZONE_READ_AGAIN_AFTER = Duration.ofMinutes(1);

    private final InstantSource instants;
    private final PracticeTimeZone timeZone;
    private volatile ZoneId zone;
    private volatile Instant zoneReadAt = Instant.MIN;

    public PracticeClock(InstantSource instants, PracticeTimeZone timeZone) {
        this.instants = instants;
        this.timeZone = timeZone;
        this.zone = ZoneId.systemDefault();
    }

    @Override
    public ZoneId getZone() {
        var now = instants.instant();
        if (zoneReadAt.plus(ZONE_READ_AGAIN_AFTER).isBefore(now)) {
            zone = timeZone.timeZone().value().orElseGet(ZoneId::systemDefault);
            zoneReadAt = now;
        }
        return zone;
    }

    /** Takes a zone just saved at once, without waiting for the next read. */
    public void zoneChanged(ZoneId newZone) {
        zone = newZone;
        zoneReadAt = instants.instant();
    }

    @Override
    public Clock withZone(ZoneId otherZone) {
        return instants.withZone(otherZone);
    }

    @Override
    public Instant instant() {
        return instants.instant();
    }
}
