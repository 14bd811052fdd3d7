package org.unstuck.web.common;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

    /** A moment in the zone given, written for the reader: "3 Dec 2026, 00:05". */
    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(instant.atZone(zone));
    }

    public static String score(@Nullable Double value) {
        return value == null ? "–" : Scores.format(value);
    }

    /** "better by 6" rather than "-6": the direction in words, since a lower number is better on some measures. */
    public static String scoreChange(Component view, double improvement) {
        return improvement > 0 ? view.getTranslation("caseload.change.better", score(improvement))
                : improvement < 0 ? view.getTranslation("caseload.change.worse", score(-improvement))
                : view.getTranslation("caseload.change.none");
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
