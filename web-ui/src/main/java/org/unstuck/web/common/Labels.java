package org.unstuck.web.common;

import com.vaadin.flow.component.UI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.measure.Scores;

/** Dates and scores written for the reader's locale. */
public final class Labels {

    private Labels() {
    }

    public static String date(@Nullable LocalDate date) {
        return format(date, FormatStyle.MEDIUM);
    }

    /** With the weekday and the month written out, for headings. */
    public static String longDate(@Nullable LocalDate date) {
        return format(date, FormatStyle.FULL);
    }

    public static String score(@Nullable Double value) {
        return value == null ? "–" : Scores.format(value);
    }

    private static String format(@Nullable LocalDate date, FormatStyle style) {
        if (date == null) {
            return "–";
        }
        var ui = UI.getCurrent();
        var locale = ui == null ? Locale.ENGLISH : ui.getLocale();
        return date.format(DateTimeFormatter.ofLocalizedDate(style).withLocale(locale));
    }
}
