package org.unstuck.domain.progress;

import java.util.Locale;

/** One finding of the progress review: which rule, which reason, how severe, and why in one sentence with the numbers. */
public record Signal(Rule rule, Severity severity, Explanation explanation) {

    public StallReason reason() {
        return rule.reason();
    }

    public String sentence() {
        return explanation.render();
    }

    public String sentence(Locale locale) {
        return explanation.render(locale);
    }
}
