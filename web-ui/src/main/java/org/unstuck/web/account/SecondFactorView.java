package org.unstuck.web.account;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.function.Function;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.security.SecondFactor;

/**
 * The second step of signing in for a clinical or admin role: at the first sign-in, setting up an
 * authenticator app and keeping the recovery codes; afterwards, typing the app's code.
 */
@Route(value = "account/second-factor", autoLayout = false)
@PermitAll
public class SecondFactorView extends Main implements HasDynamicTitle {

    private final SecondFactor secondFactor;
    private final TextField code = new TextField();

    SecondFactorView(SecondFactor secondFactor, AuthenticationContext authentication) {
        this.secondFactor = secondFactor;
        addClassNames("page", "second-factor-view");
        setId("second-factor-view");
        code.setId("second-factor-code");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setWidth("20rem");
        code.setMaxWidth("100%");
        var signOut = new Button(getTranslation("shell.logout"), click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.setId("second-factor-sign-out");
        if (secondFactor.setUp()) {
            askForCode(signOut);
        } else {
            offerSetUp(signOut);
        }
    }

    private void askForCode(Button signOut) {
        code.setLabel(getTranslation("second-factor.code"));
        code.setHelperText(getTranslation("second-factor.code.help"));
        var verify = new Button(getTranslation("second-factor.verify"), click -> attempt(secondFactor::verify));
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.setId("verify-second-factor");
        verify.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        add(new H2(getTranslation("second-factor.title")), new Paragraph(getTranslation("second-factor.intro")), code,
                new Div(verify, signOut));
        code.focus();
    }

    private void offerSetUp(Button signOut) {
        var offer = secondFactor.offer();
        var qr = new Svg(offer.qrCodeSvg());
        qr.setId("second-factor-qr");
        var secret = new Span(offer.secret().replaceAll("(.{4})(?!$)", "$1 "));
        secret.setId("second-factor-secret");
        secret.addClassName("secret");
        var link = new Anchor();
        // The link is the set-up address this screen made itself, for the authenticator app's otpauth scheme.
        link.setUnsafeHref(offer.link());
        link.setText(getTranslation("second-factor.set-up.link"));
        code.setLabel(getTranslation("second-factor.set-up.code"));
        var confirm = new Button(getTranslation("second-factor.set-up.confirm"),
                click -> attempt(typed -> secondFactor.confirm(offer.secret(), typed)));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("confirm-second-factor");
        add(new H2(getTranslation("second-factor.set-up.title")), new Paragraph(getTranslation("second-factor.set-up.intro")),
                qr, new Paragraph(getTranslation("second-factor.set-up.by-hand")), secret, new Div(link), code,
                new Div(confirm, signOut));
    }

    private void attempt(Function<String, SecondFactor.SignedIn> step) {
        try {
            var signedIn = step.apply(code.getValue());
            keep(signedIn.authentication());
            if (signedIn.recoveryCodes().isEmpty()) {
                getUI().ifPresent(ui -> ui.navigate(""));
            } else {
                showRecoveryCodes(signedIn.recoveryCodes());
            }
        } catch (InvalidEntryException refused) {
            code.setInvalid(true);
            code.setErrorMessage(refused.fieldErrors().get(SecondFactor.CODE));
        }
    }

    /**
     * The roles hold for the rest of the session, not just this request; the session gets a new id,
     * as at the password, so an id seen before the code is worth nothing after it.
     */
    private static void keep(Authentication full) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(full);
        SecurityContextHolder.setContext(context);
        VaadinSession.getCurrent().getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        VaadinServletRequest.getCurrent().getHttpServletRequest().changeSessionId();
    }

    private void showRecoveryCodes(List<String> codes) {
        removeAll();
        var list = new UnorderedList();
        list.setId("recovery-codes");
        list.addClassName("recovery-codes");
        codes.forEach(recovery -> list.add(new ListItem(recovery)));
        var kept = new Button(getTranslation("second-factor.recovery.kept"), click -> getUI().ifPresent(ui -> ui.navigate("")));
        kept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        kept.setId("recovery-codes-kept");
        add(new H2(getTranslation("second-factor.recovery.title")),
                new Paragraph(getTranslation("second-factor.recovery.intro", codes.size())), list, kept);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("second-factor.title") + " · " + getTranslation("app.name");
    }
}
