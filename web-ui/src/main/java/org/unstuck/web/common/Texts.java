package org.unstuck.web.common;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.unstuck.reports.ReportTexts;

/**
 * The translations in one reader's language, taken from a view so that work running away from the
 * UI thread — a report being built — can still write in that language.
 */
public record Texts(I18NProvider provider, Locale locale) {

    /** The texts of the UI the view is shown in. */
    public static Texts of(Component view) {
        var locale = view.getUI().map(UI::getLocale).orElseGet(() -> UI.getCurrent().getLocale());
        return new Texts(VaadinService.getCurrent().getInstantiator().getI18NProvider(), locale);
    }

    public String get(String key, Object... parameters) {
        return provider.getTranslation(key, locale, parameters);
    }

    /** A day written short for this reader, as on charts: "14 Feb 2026". */
    public String date(LocalDate day) {
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    /** The words of PDF reports in the same language. */
    public ReportTexts reports() {
        return new ReportTexts(locale);
    }
}
