package org.unstuck.web.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.unstuck.web.practice.AccountChanges.ChangeRow;
import org.unstuck.web.practice.ChangeWording;

/** The account changes waiting for the reader's approval, and how many of the reader's own requests wait for someone else. */
final class ApprovalsCard {

    private ApprovalsCard() {
    }

    static HomeCard of(Component view, Locale locale, List<ChangeRow> pending) {
        var forReader = pending.stream().filter(ChangeRow::mayDecide).toList();
        var card = new HomeCard("home-approvals", view.getTranslation("home.approvals"))
                .list(forReader, row -> {
                    var what = new Span(ChangeWording.describe(view, locale, row));
                    var who = new Span(view.getTranslation("home.approvals.asked-by", row.requestedBy()));
                    who.addClassName("home-detail");
                    return List.<Component>of(what, who);
                }, view.getTranslation("home.approvals.none"));
        var own = pending.stream().filter(ChangeRow::askedByReader).count();
        if (own > 0) {
            card.note(view.getTranslation("home.approvals.own", own));
        }
        return card.link(view.getTranslation("home.approvals.link"), "approvals");
    }
}
