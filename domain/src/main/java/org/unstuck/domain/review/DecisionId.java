package org.unstuck.domain.review;

/** The identity of a decision; positive once stored. */
public record DecisionId(long value) {
    public DecisionId {
        if (value <= 0) {
            throw new IllegalArgumentException("A decision id is positive; got " + value);
        }
    }
}
