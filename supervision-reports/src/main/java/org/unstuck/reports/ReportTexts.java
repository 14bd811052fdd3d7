package org.unstuck.reports;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The words of the reports in one language, from the Reports bundle; English when the language has none. */
public record ReportTexts(Locale locale) {

    public static final ReportTexts ENGLISH = new ReportTexts(Locale.ENGLISH);

    private static final String BUNDLE = "org.unstuck.reports.Reports";

    /** The text of the key, its {0}, {1}… replaced by the arguments; dates appear in ISO 8601. */
    public String get(String key, Object... arguments) {
        var pattern = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        var shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            shown[i] = arguments[i] instanceof Number || arguments[i] instanceof String ? arguments[i] : String.valueOf(arguments[i]);
        }
        return new MessageFormat(pattern, locale).format(shown);
    }
}
