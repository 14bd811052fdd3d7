package org.unstuck.web.credential;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.unstuck.web.security.CurrentUser;

/** The therapist's own credential page, reached from the navigation. */
@Route("my-credentials")
@RolesAllowed("THERAPIST")
public class MyCredentialsView extends Main implements BeforeEnterObserver {

    private final CurrentUser currentUser;

    MyCredentialsView(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo("credentials/" + currentUser.person().username().value());
    }
}
