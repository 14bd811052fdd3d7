package org.unstuck.web.common;

import java.util.List;
import java.util.Map;

/** An entry refused before anything was saved, with a message for each field that is wrong. */
public class InvalidEntryException extends RuntimeException {

    private final transient Map<String, String> fieldErrors;

    public InvalidEntryException(Map<String, String> fieldErrors) {
        super(String.join(" ", List.copyOf(fieldErrors.values())));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** Message per field name. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
