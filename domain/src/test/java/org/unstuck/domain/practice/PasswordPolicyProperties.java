package org.unstuck.domain.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PasswordPolicyProperties {

    private static final String LIST = "/dictionaries/passwords.txt";
    private static final Username NOT_IN_ANY_PASSWORD = new Username("nobody.in.particular");

    private final PasswordPolicy policy = PasswordPolicy.withCommonPasswordsFrom(
            Objects.requireNonNull(PasswordPolicyProperties.class.getResourceAsStream(LIST)));

    /** Letters of other scripts, spaces and emoji outside the Basic Multilingual Plane: one code point, one or two chars. */
    @Provide
    Arbitrary<String> codePoint() {
        return Arbitraries.oneOf(
                Arbitraries.of(" "),
                Arbitraries.integers().between(0x3B1, 0x3C9).map(Character::toString),
                Arbitraries.integers().between(0x4E00, 0x4FFF).map(Character::toString),
                Arbitraries.integers().between(0x1F600, 0x1F64F).map(Character::toString));
    }

    @Property
    void only_twelve_to_one_hundred_twenty_eight_code_points_are_allowed(@ForAll @IntRange(min = 0, max = 200) int length) {
        var password = codePoint().list().ofSize(length).sample().stream().reduce("", String::concat);

        var refusal = policy.refusal(password, NOT_IN_ANY_PASSWORD);

        if (length >= 12 && length <= 128) {
            assertThat(refusal).isEmpty();
        } else {
            assertThat(refusal).hasValue("A password has 12 to 128 characters; this one has " + length + ".");
        }
    }

    @Provide
    Arbitrary<String> commonPasswords() throws Exception {
        try (var reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(getClass().getResourceAsStream(LIST)), StandardCharsets.UTF_8))) {
            List<String> longEnough = reader.lines().map(String::strip)
                    .filter(line -> line.codePointCount(0, line.length()) >= 12).toList();
            return Arbitraries.of(longEnough);
        }
    }

    @Property
    void a_common_password_is_refused_whatever_its_capitals(
            @ForAll("commonPasswords") String common, @ForAll long capitals) {
        var mixed = new StringBuilder();
        for (int i = 0; i < common.length(); i++) {
            var c = common.charAt(i);
            mixed.append(((capitals >>> (i % 64)) & 1) == 1 ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }

        assertThat(policy.refusal(mixed.toString(), NOT_IN_ANY_PASSWORD))
                .hasValue("This password is on a list of commonly used passwords; choose another.");
    }

    @Provide
    Arbitrary<Username> usernames() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789._-").ofMinLength(3).ofMaxLength(64)
                .map(Username::new);
    }

    @Property
    void a_password_that_contains_the_username_in_any_capitals_is_refused(
            @ForAll("usernames") Username username,
            @ForAll("codePoint") String before,
            @ForAll @IntRange(min = 0, max = 60) int padding) {
        var password = before.repeat(padding) + username.value().toUpperCase(Locale.ROOT) + before.repeat(12);
        assertThat(policy.refusal(password, username))
                .hasValueSatisfying(refusal -> assertThat(refusal).isIn(
                        "A password must not contain the username; choose another.",
                        "A password has 12 to 128 characters; this one has "
                                + password.codePointCount(0, password.length()) + "."));
        if (password.codePointCount(0, password.length()) <= 128) {
            assertThat(policy.refusal(password, username))
                    .hasValue("A password must not contain the username; choose another.");
        }
    }

    @Example
    void the_list_keeps_only_the_common_passwords_long_enough_to_be_allowed() {
        assertThat(policy.commonPasswordsKept()).isBetween(400, 1_000);
    }

    @Example
    void a_long_passphrase_with_spaces_and_no_digits_is_allowed() {
        assertThat(policy.refusal("the garden wall in late march", new Username("therapist1"))).isEmpty();
    }

    @Example
    void the_demo_password_is_not_on_the_list() {
        assertThat(policy.refusal("demo-password", new Username("therapist1"))).isEmpty();
    }

    @Example
    void a_well_known_password_is_refused_and_eleven_characters_are_too_few() {
        assertThat(policy.refusal("PASSWORD1234", new Username("therapist1"))).isPresent();
        assertThat(policy.refusal("abcdefghij!", new Username("therapist1")))
                .hasValue("A password has 12 to 128 characters; this one has 11.");
    }
}
