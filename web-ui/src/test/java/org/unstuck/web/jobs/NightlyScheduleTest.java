package org.unstuck.web.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class NightlyScheduleTest {

    private static NightlySchedule in(String zone) {
        return new NightlySchedule(Clock.fixed(Instant.EPOCH, ZoneId.of(zone)));
    }

    @Test
    void the_next_run_is_the_next_five_past_midnight_in_the_practice_zone() {
        var madrid = in("Europe/Madrid");
        assertThat(madrid.after(Instant.parse("2026-06-10T10:00:00Z"))).isEqualTo(Instant.parse("2026-06-10T22:05:00Z"));
        assertThat(madrid.after(Instant.parse("2026-06-10T22:04:59Z"))).isEqualTo(Instant.parse("2026-06-10T22:05:00Z"));
        assertThat(madrid.after(Instant.parse("2026-06-10T22:05:00Z"))).isEqualTo(Instant.parse("2026-06-11T22:05:00Z"));
        assertThat(in("America/New_York").after(Instant.parse("2026-06-10T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-06-11T04:05:00Z"));
    }

    @Test
    void the_night_the_clocks_change_keeps_five_past_midnight_local_time() {
        var madrid = in("Europe/Madrid");
        assertThat(madrid.after(Instant.parse("2026-03-28T12:00:00Z"))).isEqualTo(Instant.parse("2026-03-28T23:05:00Z"));
        assertThat(madrid.after(Instant.parse("2026-03-28T23:05:00Z"))).isEqualTo(Instant.parse("2026-03-29T22:05:00Z"));
    }

    @Test
    void a_zone_read_again_applies_to_the_next_time_worked_out() {
        var zone = new AtomicReference<>(ZoneId.of("Europe/Madrid"));
        var clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return zone.get();
            }

            @Override
            public Clock withZone(ZoneId other) {
                return Clock.fixed(Instant.EPOCH, other);
            }

            @Override
            public Instant instant() {
                return Instant.EPOCH;
            }
        };
        var schedule = new NightlySchedule(clock);
        var noon = Instant.parse("2026-06-10T12:00:00Z");
        assertThat(schedule.after(noon)).isEqualTo(Instant.parse("2026-06-10T22:05:00Z"));
        zone.set(ZoneId.of("Asia/Tokyo"));
        assertThat(schedule.after(noon)).isEqualTo(Instant.parse("2026-06-10T15:05:00Z"));
    }
}
