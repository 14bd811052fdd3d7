package org.unstuck.web.caseload;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The notice after a save on a case, saying what was saved. */
final class Confirmation {

    private Confirmation() {
    }

    static void show(String whatWasSaved) {
        var notification = Notification.show(whatWasSaved, 5000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        notification.setId("case-saved");
    }
}
