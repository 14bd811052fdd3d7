package org.unstuck.web.security;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.WebAttributes;

@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final AuthenticationContext authentication;

    LoginView(AuthenticationContext authentication) {
        this.authentication = authentication;
        addClassName("login-view");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n(false));
        var title = new H1(getTranslation("app.name"));
        var tagline = new Paragraph(getTranslation("login.tagline"));
        tagline.addClassName("login-tagline");
        add(title, tagline, form);
    }

    private LoginI18n i18n(boolean databaseAway) {
        var i18n = LoginI18n.createDefault();
        var texts = new LoginI18n.Form();
        texts.setTitle(getTranslation("login.form.title"));
        texts.setUsername(getTranslation("login.username"));
        texts.setPassword(getTranslation("login.password"));
        texts.setSubmit(getTranslation("login.submit"));
        i18n.setForm(texts);
        var error = new LoginI18n.ErrorMessage();
        error.setTitle(getTranslation(databaseAway ? "login.unavailable.title" : "login.error.title"));
        error.setMessage(getTranslation(databaseAway ? "login.unavailable.message" : "login.error.message"));
        i18n.setErrorMessage(error);
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        var failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        // A sign-in that could not be checked at all, as when the database is away, is not a wrong password.
        var session = VaadinSession.getCurrent().getSession();
        if (failed && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationServiceException) {
            form.setI18n(i18n(true));
        }
        form.setError(failed);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.page.title");
    }
}
