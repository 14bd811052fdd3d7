package org.unstuck.web.account;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.unstuck.web.common.FieldErrors;
import org.unstuck.web.common.InvalidEntryException;

/** Where each person gives the address their notifications go to and turns the weekly digest on or off. */
@Route("account/e-mail")
@PermitAll
public class MyEmailView extends Main implements HasDynamicTitle {

    MyEmailView(MyEmail myEmail) {
        addClassName("page");
        setId("email-view");
        var settings = myEmail.read();
        var address = new EmailField(getTranslation("account.email.address"));
        address.setValue(settings.address() == null ? "" : settings.address());
        address.setHelperText(getTranslation("account.email.address.help"));
        address.setWidthFull();
        address.setId("email-address");
        var digest = new Checkbox(getTranslation("account.email.digest"), settings.weeklyDigest());
        digest.setId("email-digest");
        digest.setVisible(settings.digestOffered());
        var form = new FormLayout(address, digest);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setMaxWidth("32rem");
        var state = new Paragraph(getTranslation(settings.mailOn() ? "account.email.on" : "account.email.off"));
        state.addClassName("legend");
        state.setId("email-state");
        var outcome = new Paragraph();
        outcome.setId("email-outcome");
        Map<String, HasValidation> fields = Map.of(MyEmail.ADDRESS, address);
        var save = new Button(getTranslation("account.email.save"), click -> {
            try {
                myEmail.save(address.getValue(), digest.getValue());
                address.setInvalid(false);
                outcome.setText(getTranslation(address.getValue().isBlank() ? "account.email.removed" : "account.email.saved"));
            } catch (InvalidEntryException invalid) {
                FieldErrors.show(fields, invalid);
                outcome.setText("");
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-email");
        add(new H2(getTranslation("account.email.title")), state, form, save, outcome);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.email.title") + " · " + getTranslation("app.name");
    }
}
