package org.unstuck.web.shell;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** A screen that fails to open with an exception whose text must not reach the person. */
@Route("test-failure")
@PermitAll
public class FailingView extends Main {

    public static final String SECRET = "connection to 10.0.0.7:5432 refused for user app_owner";

    public FailingView() {
        throw new IllegalStateException(SECRET);
    }
}
