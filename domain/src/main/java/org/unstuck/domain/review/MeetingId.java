package org.unstuck.domain.review;

/** The identity of a review meeting; positive once stored. */
public record MeetingId(long value) {
    public MeetingId {
        if (value <= 0) {
            throw new IllegalArgumentException("A meeting id is positive; got " + value);
        }
    }
}
