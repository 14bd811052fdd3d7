package org.unstuck.domain;

/** A change made from an out-of-date copy: someone else changed the same thing first. Nothing was saved. */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String what) {
        super(what + " was changed by someone else since you opened it. Nothing was saved: reload it and make your change again.");
    }
}
