package org.unstuck.web.common;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.Locale;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.persistence.board.CaseRow;

/** A case status in words and colour, never colour alone. */
public class StatusBadge extends Span {

    /** A listed case's status, with a second line when its risk alert has waited more than a day. */
    public static Component of(CaseRow row, Instant now) {
        var badge = new StatusBadge(row.status());
        if (!row.riskOverdue(now)) {
            return badge;
        }
        var overdue = new Span(badge.getTranslation("home.risk.overdue"));
        overdue.addClassNames("risk-overdue", "board-risk-overdue");
        var cell = new Div(badge, overdue);
        cell.addClassName("two-lines");
        return cell;
    }

    public StatusBadge(CaseStatus status) {
        addClassNames("status-badge", "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        setText(getTranslation("status." + status.name()));
    }
}
