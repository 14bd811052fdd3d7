package org.unstuck.domain;

/** Data refused because it breaks a rule of the practice's records; the message says which, in plain words. */
public class InvalidDataException extends RuntimeException {

    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
