package org.unstuck.web.account;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.unstuck.web.security.CurrentUser;
import org.unstuck.web.security.SecondFactor;

/**
 * The steps of signing in that come before any other screen: the second factor, for whoever owes
 * one, then choosing one's own password, for whoever signed in with a password someone else chose.
 * Both are known from the session, so every screen, the one saying that the database is away
 * included, opens without reading the account.
 */
@Component
class SignInSteps implements VaadinServiceInitListener {

    private final CurrentUser currentUser;

    SignInSteps(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    private void beforeEnter(BeforeEnterEvent event) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return;
        }
        var target = event.getNavigationTarget();
        if (SecondFactor.pending(authentication)) {
            if (target != SecondFactorView.class) {
                event.forwardTo(SecondFactorView.class);
            }
            return;
        }
        if (target == SecondFactorView.class) {
            event.forwardTo("");
            return;
        }
        if (currentUser.person().passwordChangeRequired() && target != ChangePasswordView.class) {
            event.forwardTo(ChangePasswordView.class);
        }
    }
}
