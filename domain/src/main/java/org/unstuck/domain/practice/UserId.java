package org.unstuck.domain.practice;

/** The identity of a user account; positive once stored. */
public record UserId(long value) {
    public UserId {
        if (value <= 0) {
            throw new IllegalArgumentException("A user id is positive; got " + value);
        }
    }
}
