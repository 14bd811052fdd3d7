package org.unstuck.domain.caseload;

import java.util.regex.Pattern;

/** A client's pseudonymous code, such as {@code C-0417}: no names are kept. 2 to 32 characters. */
public record ClientCode(String value) {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{1,31}");

    public ClientCode {
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "A client code is 2 to 32 letters, digits, dots, dashes, slashes or underscores; got '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
