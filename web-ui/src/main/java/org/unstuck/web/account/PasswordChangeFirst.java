package org.unstuck.web.account;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.Username;

/**
 * Someone signed in with a password another person chose sees only the screen for choosing their
 * own: every other screen sends them there until they have.
 */
@Component
class PasswordChangeFirst implements VaadinServiceInitListener {

    private final UserAccounts accounts;

    PasswordChangeFirst(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    private void beforeEnter(BeforeEnterEvent event) {
        if (event.getNavigationTarget() == ChangePasswordView.class || !mustChoosePassword()) {
            return;
        }
        event.forwardTo(ChangePasswordView.class);
    }

    private boolean mustChoosePassword() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return false;
        }
        return accounts.findByUsername(new Username(authentication.getName()))
                .map(account -> account.passwordChangeRequired()).orElse(false);
    }
}
