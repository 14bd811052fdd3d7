package org.unstuck.web.account;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.HashMap;
import org.unstuck.web.common.FieldErrors;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.security.NewPasswordFields;

/**
 * Changing one's own password; reached from the header, and the only screen that opens while the
 * password is one someone else chose.
 */
@Route("account/password")
@PermitAll
public class ChangePasswordView extends Main implements HasDynamicTitle {

    ChangePasswordView(MyPassword myPassword) {
        addClassName("page");
        var chosenForMe = myPassword.chosenBySomeoneElse();
        var current = new PasswordField(getTranslation("account.password.current"));
        current.setId("current-password");
        var fresh = NewPasswordFields.in(this, "account.password.new");
        var form = new FormLayout(current, fresh.password(), fresh.repeated());
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setMaxWidth("28rem");
        var fields = new HashMap<String, HasValidation>(fresh.fields());
        fields.put(MyPassword.CURRENT, current);
        var outcome = new Paragraph();
        outcome.setId("password-outcome");
        var save = new Button(getTranslation("account.password.save"), click -> {
            try {
                myPassword.change(current.getValue(), fresh.password().getValue(), fresh.repeated().getValue());
                current.clear();
                fresh.clear();
                fields.values().forEach(field -> field.setInvalid(false));
                outcome.setText(getTranslation("account.password.changed"));
                if (chosenForMe) {
                    getUI().ifPresent(ui -> ui.navigate(""));
                    Notification.show(getTranslation("account.password.own-chosen"), 6000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                }
            } catch (InvalidEntryException invalid) {
                FieldErrors.show(fields, invalid);
                outcome.setText("");
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-password");
        save.addClassName("form-action");
        var intro = new Paragraph(getTranslation(chosenForMe ? "account.password.intro-first" : "account.password.intro"));
        intro.setId("password-intro");
        add(new H2(getTranslation("account.password.title")), intro, form, save, outcome);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.password.title") + " · " + getTranslation("app.name");
    }
}
