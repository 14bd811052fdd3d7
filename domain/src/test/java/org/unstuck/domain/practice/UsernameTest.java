package org.unstuck.domain.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTest {

    @Test
    void a_typed_name_is_trimmed_and_lower_cased() {
        assertThat(Username.typed("  Therapist1 ")).isEqualTo(new Username("therapist1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "Upper", "with space", "semi;colon", "é-accent"})
    void names_outside_the_allowed_characters_or_length_are_refused(String text) {
        assertThatThrownBy(() -> new Username(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 to 64 lower-case letters");
    }

    @Test
    void sixty_four_characters_are_allowed_and_sixty_five_are_not() {
        assertThat(new Username("a".repeat(64)).value()).hasSize(64);
        assertThatThrownBy(() -> new Username("a".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }
}
