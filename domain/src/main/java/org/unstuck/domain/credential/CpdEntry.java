package org.unstuck.domain.credential;

import java.time.LocalDate;
import org.unstuck.domain.practice.UserId;

/** Continuing professional development: a day, how many hours, on what. */
public record CpdEntry(UserId therapist, LocalDate date, double hours, String topic) {

    public CpdEntry {
        if (!(hours > 0 && hours <= 100)) {
            throw new IllegalArgumentException("CPD hours are more than 0 and at most 100 per entry; got " + hours);
        }
        if (topic.isBlank() || topic.length() > 200) {
            throw new IllegalArgumentException("A CPD entry names its topic in 1 to 200 characters");
        }
    }
}
