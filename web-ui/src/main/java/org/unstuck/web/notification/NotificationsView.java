package org.unstuck.web.notification;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import org.unstuck.persistence.notification.Notice;
import org.unstuck.web.common.Labels;

/** The signed-in person's notifications, newest first, each linking to where it is dealt with. */
@Route("notifications")
@PermitAll
public class NotificationsView extends Main implements HasDynamicTitle {

    private final Notifications notifications;
    private final Clock clock;
    private final UnorderedList list = new UnorderedList();

    NotificationsView(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
        addClassName("page");
        setId("notifications-view");
        list.setId("notifications");
        list.addClassName("home-items");
        var markAll = new Button(getTranslation("notifications.mark-all"), click -> {
            var read = notifications.markAllRead();
            Notification.show(getTranslation("notifications.marked-all", read), 4000, Notification.Position.BOTTOM_START);
            refresh();
        });
        markAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        markAll.setId("mark-all-read");
        var email = new Anchor("account/e-mail", getTranslation("notifications.email.link"));
        email.setId("email-settings");
        var actions = new HorizontalLayout(markAll, email);
        actions.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        actions.addClassName("wrap-row");
        add(new H2(getTranslation("notifications.title")), new Paragraph(getTranslation("notifications.about")), actions, list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        var mine = notifications.mine();
        if (mine.isEmpty()) {
            var empty = new ListItem(getTranslation("notifications.none"));
            empty.setId("notifications-empty");
            list.add(empty);
        }
        mine.forEach(notice -> list.add(item(notice)));
        getUI().ifPresent(ui -> ComponentUtil.fireEvent(ui, new NoticesRead(ui)));
    }

    private ListItem item(Notice notice) {
        var text = new Span(text(notice));
        text.addClassName(notice.unread() ? "notice-unread" : "notice-read");
        var when = new Span(Labels.dateTime(notice.createdAt(), clock.getZone(), getLocale()));
        when.addClassName("home-detail");
        var open = new Anchor(notice.link(), getTranslation("notifications.open"));
        var item = new ListItem(text, when, open);
        item.setId("notice-" + notice.id());
        if (notice.unread()) {
            var read = new Button(getTranslation("notifications.mark-read"), click -> {
                notifications.markRead(notice.id());
                refresh();
            });
            read.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            read.setId("mark-read-" + notice.id());
            item.add(new Div(read));
        }
        return item;
    }

    private String text(Notice notice) {
        var arguments = notice.arguments();
        return switch (notice.kind()) {
            case REFERRAL_WAITING -> getTranslation("notifications.REFERRAL_WAITING", arguments.get(0), arguments.get(1));
            case RISK_ALERT -> getTranslation("notifications.RISK_ALERT", arguments.get(0));
            case CREDENTIAL_ENDING -> getTranslation("notifications.CREDENTIAL_ENDING",
                    getTranslation("credential.type." + arguments.get(0)), Labels.date(LocalDate.parse(arguments.get(1))),
                    Integer.parseInt(arguments.get(2)), arguments.get(3));
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.title") + " · " + getTranslation("app.name");
    }
}
