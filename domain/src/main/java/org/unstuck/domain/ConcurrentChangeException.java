package org.unstuck.domain;

/** A change made from an out-of-date copy: someone else changed the same thing first. Nothing was saved. */
public class ConcurrentChangeException extends RuntimeException {

    /** @param what what was changed, as it reads in a sentence: "this case", "the review settings" */
    public ConcurrentChangeException(String what) {
        super("Someone else changed " + what + " in the meantime. Nothing was saved: reload and make your change again.");
    }
}
