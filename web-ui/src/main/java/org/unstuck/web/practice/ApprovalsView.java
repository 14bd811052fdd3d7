package org.unstuck.web.practice;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.practice.AccountChanges.ChangeRow;

/**
 * The changes that would open clinical records to someone, waiting for a second person, and those
 * decided in the last 30 days.
 */
@Route("approvals")
@RolesAllowed({"ADMIN", "PRACTICE_MANAGER"})
public class ApprovalsView extends Main implements HasDynamicTitle {

    private final AccountChanges changes;
    private final UnorderedList pending = new UnorderedList();
    private final Paragraph noneWaiting = new Paragraph();
    private final Div decided;

    ApprovalsView(AccountChanges changes) {
        this.changes = changes;
        addClassName("page");
        setId("approvals-view");
        pending.setId("pending-changes");
        pending.addClassName("change-list");
        noneWaiting.setId("no-pending-changes");
        decided = new Div();
        decided.setId("decided-changes");
        add(new H2(getTranslation("approvals.title")), new Paragraph(getTranslation("approvals.intro")),
                new H3(getTranslation("approvals.pending")), noneWaiting, pending, decided);
        refresh();
    }

    private void refresh() {
        pending.removeAll();
        var waiting = changes.pending();
        noneWaiting.setText(getTranslation("approvals.none"));
        noneWaiting.setVisible(waiting.isEmpty());
        waiting.forEach(row -> pending.add(pendingItem(row)));
        decided.removeAll();
        decided.add(new DecidedChanges(changes.recentlyDecided(), changes.zone()));
    }

    private ListItem pendingItem(ChangeRow row) {
        var what = new Span(ChangeWording.describe(this, getLocale(), row));
        what.addClassName("change-what");
        var asked = new Div(new Span(getTranslation("approvals.asked", row.requestedBy(), ChangeWording.when(getLocale(), row.requestedAt(), changes.zone()))));
        asked.addClassName("change-asked");
        var actions = new Div();
        actions.addClassName("row-actions");
        if (row.mayDecide()) {
            var approve = new Button(getTranslation("approvals.approve"), click -> decide(row, true));
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            approve.setId("approve-" + row.id());
            var reject = new Button(getTranslation("approvals.reject"), click -> decide(row, false));
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            reject.setId("reject-" + row.id());
            actions.add(approve, reject);
        } else if (row.askedByReader()) {
            var withdraw = new Button(getTranslation("approvals.withdraw"), click -> withdraw(row));
            withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL);
            withdraw.setId("withdraw-" + row.id());
            var why = new Span(getTranslation("approvals.yours"));
            why.addClassName("hint");
            actions.add(why, withdraw);
        } else {
            var why = new Span(getTranslation("approvals.not-yours-to-decide"));
            why.addClassName("hint");
            actions.add(why);
        }
        var item = new ListItem(what, asked, actions);
        item.setId("change-" + row.id());
        return item;
    }

    private void decide(ChangeRow row, boolean approve) {
        attempt(() -> {
            if (approve) {
                changes.approve(row.id(), row.version());
            } else {
                changes.reject(row.id(), row.version());
            }
        }, getTranslation(approve ? "approvals.approved" : "approvals.rejected", ChangeWording.describe(this, getLocale(), row)));
    }

    private void withdraw(ChangeRow row) {
        attempt(() -> changes.withdraw(row.id(), row.version()), getTranslation("approvals.withdrawn", ChangeWording.describe(this, getLocale(), row)));
    }

    private void attempt(Runnable decision, String done) {
        try {
            decision.run();
            Notification.show(done, 6000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidEntryException refused) {
            Notification.show(String.join(" ", refused.fieldErrors().values()), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (ConcurrentChangeException changedMeanwhile) {
            Notification.show(getTranslation("approvals.changed-meanwhile"), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("approvals.title") + " · " + getTranslation("app.name");
    }
}
