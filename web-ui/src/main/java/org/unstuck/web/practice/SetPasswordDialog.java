package org.unstuck.web.practice;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import java.util.function.Consumer;
import org.unstuck.web.common.FieldErrors;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.security.NewPasswordFields;

/** A new password the admin gives someone who forgot theirs; a clinician's waits for approval. */
class SetPasswordDialog extends Dialog {

    SetPasswordDialog(UserAdministration administration, PersonRow person, Consumer<Boolean> changed) {
        setHeaderTitle(getTranslation("users.password.title", person.displayName()));
        setWidth("36rem");
        var password = NewPasswordFields.in(this, "users.password.new");
        var form = new FormLayout(password.password(), password.repeated());
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new Paragraph(getTranslation("users.password.intro")), form);
        var save = new Button(getTranslation("users.password.save"), click -> {
            try {
                var awaiting = administration.setPassword(person.username(), password.password().getValue(),
                        password.repeated().getValue());
                close();
                changed.accept(awaiting);
            } catch (InvalidEntryException invalid) {
                FieldErrors.show(password.fields(), invalid);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-password");
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }
}
