package org.unstuck.domain.practice;

import java.util.Locale;
import java.util.regex.Pattern;

/** A login name: 3 to 64 lower-case letters, digits, dots, dashes or underscores. */
public record Username(String value) {
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9._-]{3,64}");

    public Username {
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "A username is 3 to 64 lower-case letters, digits, dots, dashes or underscores; got '"
                            + value + "'");
        }
    }

    /** Reads a name typed by a person: surrounding spaces and capitals are forgiven. */
    public static Username typed(String text) {
        return new Username(text.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
