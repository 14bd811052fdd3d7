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

/** The columns every list of audit entries shares: when, who, what, and whether it was allowed. */
public final class AuditColumns {

    private AuditColumns() {
    }

    public static void when(Grid<AuditEntry> grid, Component view, ZoneId zone) {
        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(Texts.of(view).locale());
        grid.addColumn(entry -> format.format(entry.occurredAt().atZone(zone)))
                .setHeader(view.getTranslation("audit.column.when")).setWidth("11rem").setFlexGrow(0);
    }

    public static void who(Grid<AuditEntry> grid, Component view) {
        grid.addComponentColumn(entry -> {
            var name = new Span(entry.actorName() == null ? entry.actor() : entry.actorName());
            var username = new Span(entry.actor());
            username.addClassName("legend");
            var cell = new Div(name, username);
            cell.addClassName("two-lines");
            return cell;
        }).setHeader(view.getTranslation("audit.column.who")).setWidth("10rem").setFlexGrow(1);
    }

    public static void what(Grid<AuditEntry> grid, Component view) {
        grid.addComponentColumn(entry -> {
            var action = new Span(action(view, entry.action()));
            var outcome = new Span(view.getTranslation("audit.outcome." + entry.outcome().name()));
            outcome.addClassNames("status-badge", "audit-outcome-" + entry.outcome().name().toLowerCase(Locale.ROOT));
            var cell = new Div(action, outcome);
            cell.addClassName("audit-what");
            return cell;
        }).setHeader(view.getTranslation("audit.column.what")).setWidth("14rem").setFlexGrow(2);
    }

    /** The action in words, or as recorded when it has no words yet. */
    public static String action(Component view, String action) {
        var key = "audit.action." + action;
        var words = view.getTranslation(key);
        return words.contains(key) ? action : words;
    }
}
