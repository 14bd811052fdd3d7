package org.unstuck.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * The application's style sheet closes every rule before the next one starts. A missing brace is
 * not a syntax error to a browser: it reads the following rules as nested inside the open one, and
 * they silently stop applying.
 */
class StyleSheetTest {

    private static final Path STYLES = Path.of("src/main/resources/META-INF/resources/styles.css");

    @Test
    void no_rule_is_left_open_and_only_media_queries_hold_rules() throws IOException {
        var css = Files.readString(STYLES).replaceAll("(?s)/\\*.*?\\*/", "");
        var open = new ArrayDeque<String>();
        var problems = new ArrayList<String>();
        var line = 1;
        var prelude = new StringBuilder();
        for (var character : css.toCharArray()) {
            switch (character) {
                case '{' -> {
                    var selector = prelude.toString().strip();
                    if (!open.isEmpty() && !open.peek().startsWith("@")) {
                        problems.add("line " + line + ": '" + selector + "' opens inside '" + open.peek() + "'");
                    }
                    open.push(selector);
                    prelude.setLength(0);
                }
                case '}' -> {
                    if (open.isEmpty()) {
                        problems.add("line " + line + ": a closing brace with no rule open");
                    } else {
                        open.pop();
                    }
                    prelude.setLength(0);
                }
                case ';' -> prelude.setLength(0);
                default -> prelude.append(character);
            }
            if (character == '\n') {
                line++;
            }
        }
        open.forEach(selector -> problems.add("'" + selector + "' is never closed"));
        assertThat(problems).isEmpty();
    }
}
