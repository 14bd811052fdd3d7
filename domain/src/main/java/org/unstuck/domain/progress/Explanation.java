package org.unstuck.domain.progress;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The sentence of a signal as a message key and its numbers, so it can be read in any language
 * the practice uses; English is the default.
 */
public record Explanation(String key, List<Object> arguments) {

    private static final String BUNDLE = "org.unstuck.domain.progress.Signals";

    public Explanation {
        arguments = List.copyOf(arguments);
    }

    public static Explanation of(String key, Object... arguments) {
        return new Explanation(key, List.of(arguments));
    }

    public String render(Locale locale) {
        var pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        return new MessageFormat(pattern, locale).format(arguments.toArray());
    }

    public String render() {
        return render(Locale.ENGLISH);
    }
}
