package org.unstuck.web.audit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.unstuck.persistence.audit.AuditEntry;
import org.unstuck.web.common.Texts;

/**
 * The columns every list of audit entries shares — when, who, what and whether it was allowed — kept
 * to three narrow ones so a list reads at 400 px without scrolling sideways.
 */
public final class AuditColumns {

    private AuditColumns() {
    }

    /** When, who, and what with its outcome; the client code under what, when the list spans cases. */
    public static void addTo(Grid<AuditEntry> grid, Component view, ZoneId zone, boolean withClientCode) {
        var locale = Texts.of(view).locale();
        var day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        var time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        grid.addComponentColumn(entry -> twoLines(day.format(entry.occurredAt().atZone(zone)),
                        time.format(entry.occurredAt().atZone(zone))))
                .setHeader(view.getTranslation("audit.column.when")).setWidth("7.5rem").setFlexGrow(0);
        grid.addComponentColumn(entry -> twoLines(entry.actorName() == null ? entry.actor() : entry.actorName(), entry.actor()))
                .setHeader(view.getTranslation("audit.column.who")).setWidth("6rem").setFlexGrow(1);
        grid.addComponentColumn(entry -> {
            var outcome = new Span(view.getTranslation("audit.outcome." + entry.outcome().name()));
            outcome.addClassNames("status-badge", "audit-outcome-" + entry.outcome().name().toLowerCase(Locale.ROOT));
            var what = new Div(new Span(action(view, entry.action())), outcome);
            what.addClassName("audit-what");
            if (withClientCode && entry.clientCode() != null) {
                var client = new Span(view.getTranslation("audit.on-case", entry.clientCode()));
                client.addClassName("audit-client");
                what.add(client);
            }
            return what;
        }).setHeader(view.getTranslation(withClientCode ? "audit.column.what-case" : "audit.column.what"))
                .setWidth("8rem").setFlexGrow(3);
    }

    /** The action in words, or as recorded when it has no words yet. */
    public static String action(Component view, String action) {
        var key = "audit.action." + action;
        var words = view.getTranslation(key);
        return words.contains(key) ? action : words;
    }

    private static Div twoLines(String main, String second) {
        var below = new Span(second);
        below.addClassName("legend");
        var cell = new Div(new Span(main), below);
        cell.addClassName("two-lines");
        return cell;
    }
}
