package org.unstuck.web.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Ends the sign-in when Vaadin closes a session whose user has done nothing for the session
 * timeout. Vaadin only drops its own state then (heartbeats of an open tab would otherwise keep the
 * HTTP session, and with it the signed-in user, alive for ever); invalidating the HTTP session
 * signs the user out.
 */
@Component
class IdleLogoff implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(destroyed -> {
            var httpSession = destroyed.getSession().getSession();
            if (httpSession != null) {
                try {
                    httpSession.invalidate();
                } catch (IllegalStateException alreadyEnded) {
                    // Signed out or timed out already: nothing left to end.
                }
            }
        });
    }
}
