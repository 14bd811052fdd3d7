package org.unstuck.persistence.settings;

import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.Versioned;
import org.unstuck.domain.practice.PracticeTimeZone;

@Repository
@Transactional(readOnly = true)
class JdbcPracticeTimeZone implements PracticeTimeZone {

    private final JdbcClient jdbc;

    JdbcPracticeTimeZone(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Versioned<Optional<ZoneId>> timeZone() {
        return jdbc.sql("SELECT time_zone, version FROM practice_profile WHERE id = 1")
                .query((row, number) -> new Versioned<>(Optional.ofNullable(row.getString("time_zone")).map(ZoneId::of),
                        row.getLong("version")))
                .single();
    }

    @Override
    @Transactional
    public Versioned<Optional<ZoneId>> save(@Nullable ZoneId zone, long editedFromVersion) {
        var updated = jdbc.sql("UPDATE practice_profile SET time_zone = :zone, version = version + 1 WHERE id = 1 AND version = :version")
                .param("zone", zone == null ? null : zone.getId())
                .param("version", editedFromVersion)
                .update();
        if (updated == 0) {
            throw new ConcurrentChangeException("the practice's time zone");
        }
        return timeZone();
    }
}
