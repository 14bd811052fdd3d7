package org.unstuck.domain.measure;

import java.util.regex.Pattern;

/** A measure's short name as clinicians write it, such as {@code PHQ-9}; 2 to 20 characters. */
public record MeasureCode(String value) {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{1,19}");

    public MeasureCode {
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "A measure code is 2 to 20 letters, digits, spaces, dots, dashes or underscores; got '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
