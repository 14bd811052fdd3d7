package org.unstuck.domain.practice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be (OWASP ASVS 6.2): 12 to 128 characters counted as Unicode code
 * points, spaces allowed and no rules about which kinds of characters; not on a list of commonly
 * used passwords, whatever its capitals; and not the username or anything containing it.
 */
public final class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 12;
    public static final int MAXIMUM_LENGTH = 128;

    private final Set<String> common;

    /** @param commonPasswords a list of commonly used passwords; entries too short to be allowed anyway are dropped */
    public PasswordPolicy(Collection<String> commonPasswords) {
        this.common = commonPasswords.stream()
                .filter(password -> length(password) >= MINIMUM_LENGTH)
                .map(PasswordPolicy::folded)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Reads a list of common passwords, one a line, in UTF-8. */
    public static PasswordPolicy withCommonPasswordsFrom(InputStream list) {
        try (var reader = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            return new PasswordPolicy(reader.lines().map(String::strip).toList());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The list of common passwords cannot be read", unreadable);
        }
    }

    /** Why this password may not be used by this person, as a sentence; empty when it may. */
    public Optional<String> refusal(String password, Username username) {
        var length = length(password);
        if (length < MINIMUM_LENGTH || length > MAXIMUM_LENGTH) {
            return Optional.of("A password has " + MINIMUM_LENGTH + " to " + MAXIMUM_LENGTH + " characters; this one has "
                    + length + ".");
        }
        var folded = folded(password);
        if (folded.contains(username.value())) {
            return Optional.of("A password must not contain the username; choose another.");
        }
        if (common.contains(folded)) {
            return Optional.of("This password is on a list of commonly used passwords; choose another.");
        }
        return Optional.empty();
    }

    /** How many of the policy's common passwords are long enough to matter. */
    public int commonPasswordsKept() {
        return common.size();
    }

    private static int length(String password) {
        return password.codePointCount(0, password.length());
    }

    private static String folded(String password) {
        return password.toLowerCase(Locale.ROOT);
    }
}
