package org.unstuck.web.caseload;

import com.vaadin.flow.component.UI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.measure.Scores;

/** Dates and scores written for the reader's locale. */
final class Labels {

    private Labels() {
    }

    static String date(@Nullable LocalDate date) {
        if (date == null) {
            return "–";
        }
        var ui = UI.getCurrent();
        var locale = ui == null ? Locale.ENGLISH : ui.getLocale();
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    static String score(@Nullable Double value) {
        return value == null ? "–" : Scores.format(value);
    }
}
