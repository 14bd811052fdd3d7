package org.unstuck.domain.practice;

import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.Versioned;

/** The practice's time zone, in which its days begin and end; none set means the server's zone. */
public interface PracticeTimeZone {

    Versioned<Optional<ZoneId>> timeZone();

    /**
     * Sets the zone, or clears it back to the server's, over the version it was edited from.
     *
     * @throws org.unstuck.domain.ConcurrentChangeException when someone saved another zone in between
     */
    Versioned<Optional<ZoneId>> save(@Nullable ZoneId zone, long editedFromVersion);
}
