package org.unstuck.domain.notes;

/** The identity of a reflective note; positive once stored. */
public record NoteId(long value) {
    public NoteId {
        if (value <= 0) {
            throw new IllegalArgumentException("A note id is positive; got " + value);
        }
    }
}
