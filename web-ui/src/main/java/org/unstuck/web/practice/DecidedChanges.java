package org.unstuck.web.practice;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.unstuck.web.practice.AccountChanges.ChangeRow;

/** The account changes decided in the last 30 days: what, who asked, who decided and how. */
class DecidedChanges extends Div {

    DecidedChanges(List<ChangeRow> rows, ZoneId zone) {
        addClassName("decided-changes");
        add(new H3(getTranslation("approvals.decided")));
        if (rows.isEmpty()) {
            var none = new Paragraph(getTranslation("approvals.decided.none"));
            none.setId("no-decided-changes");
            add(none);
            return;
        }
        var list = new UnorderedList();
        list.addClassName("change-list");
        for (var row : rows) {
            var what = new Span(ChangeWording.describe(this, getLocale(), row));
            what.addClassName("change-what");
            var outcome = new Span(getTranslation(row.outcomeKey(), row.requestedBy(),
                    Objects.requireNonNullElse(row.decidedBy(), ""),
                    ChangeWording.when(getLocale(), Objects.requireNonNull(row.decidedAt()), zone)));
            outcome.addClassName("change-asked");
            var item = new ListItem(what, new Div(outcome));
            item.setId("decided-" + row.id());
            list.add(item);
        }
        add(list);
    }
}
