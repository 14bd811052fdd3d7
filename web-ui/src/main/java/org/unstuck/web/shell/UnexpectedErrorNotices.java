package org.unstuck.web.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * An error in a click or an edit on an open screen: logged under a reference, and the person told in
 * a notice that the step was not done, with the reference, instead of Vaadin's own message.
 */
@Component
class UnexpectedErrorNotices implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(started -> started.getSession().setErrorHandler(failure -> {
            var error = failure.getThrowable();
            var reference = UnexpectedErrors.logged(error);
            var ui = UI.getCurrent();
            if (ui != null) {
                var key = UnexpectedErrors.databaseUnavailable(error) ? "error.database.notice" : "error.unexpected.notice";
                var notice = Notification.show(ui.getTranslation(key, reference), 10_000, Notification.Position.MIDDLE);
                notice.addThemeVariants(NotificationVariant.LUMO_ERROR);
                notice.setId("unexpected-error-notice");
            }
        }));
    }
}
