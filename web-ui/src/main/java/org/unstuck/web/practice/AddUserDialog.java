package org.unstuck.web.practice;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashMap;
import java.util.function.Consumer;
import org.unstuck.web.common.FieldErrors;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.security.NewPasswordFields;

/** Adding a person: the name they sign in with, the name colleagues know, roles and a first password. */
class AddUserDialog extends Dialog {

    AddUserDialog(UserAdministration administration, Consumer<UserAdministration.Added> added) {
        setHeaderTitle(getTranslation("users.add.title"));
        setWidth("52rem");
        var username = new TextField(getTranslation("users.username"));
        username.setHelperText(getTranslation("users.username.help"));
        username.setId("new-username");
        var displayName = new TextField(getTranslation("users.display-name"));
        displayName.setHelperText(getTranslation("users.display-name.help"));
        displayName.setId("display-name");
        var roles = new RoleChoice();
        var password = NewPasswordFields.in(this, "users.first-password");
        var form = new FormLayout(username, displayName, roles, password.password(), password.repeated());
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        form.setColspan(roles, 2);
        add(form);
        var fields = new HashMap<String, HasValidation>(password.fields());
        fields.put(UserAdministration.USERNAME, username);
        fields.put(UserAdministration.DISPLAY_NAME, displayName);
        fields.put(UserAdministration.ROLES, roles);

        var save = new Button(getTranslation("users.add.save"), click -> {
            try {
                var stored = administration.add(new NewAccountEntry(username.getValue(), displayName.getValue(),
                        roles.getValue(), password.password().getValue(), password.repeated().getValue()));
                close();
                added.accept(stored);
            } catch (InvalidEntryException invalid) {
                FieldErrors.show(fields, invalid);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-user");
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }
}
