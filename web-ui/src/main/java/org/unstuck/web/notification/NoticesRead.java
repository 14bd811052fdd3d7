package org.unstuck.web.notification;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.UI;

/** Fired on the UI when the person has read notifications, so that the bell shows the new count. */
public class NoticesRead extends ComponentEvent<UI> {

    public NoticesRead(UI ui) {
        super(ui, false);
    }
}
