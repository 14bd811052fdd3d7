package org.unstuck.web.practice;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.function.Consumer;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.web.common.FieldErrors;
import org.unstuck.web.common.InvalidEntryException;

/** A person's name and roles, and whether they may sign in; saved over the version the dialog opened with. */
class EditUserDialog extends Dialog {

    private final Refusal refusal = new Refusal();

    EditUserDialog(UserAdministration administration, String username, Consumer<String> changed) {
        var account = administration.account(username);
        setHeaderTitle(getTranslation("users.edit.title", account.displayName()));
        setWidth("40rem");
        var displayName = new TextField(getTranslation("users.display-name"), account.displayName(), "");
        displayName.setId("display-name");
        var roles = new RoleChoice();
        roles.setValue(account.roles());
        roles.setHelperText(getTranslation("users.roles.help"));
        var state = new Paragraph(getTranslation(account.enabled() ? "users.state.enabled" : "users.state.disabled",
                account.username()));
        state.setId("account-state");
        var form = new FormLayout(displayName, roles);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(refusal, form, state);
        Map<String, HasValidation> fields = Map.of(UserAdministration.DISPLAY_NAME, displayName, UserAdministration.ROLES, roles);

        var awaiting = new boolean[1];
        var save = new Button(getTranslation("users.edit.save"), click -> attempt(
                () -> awaiting[0] = administration.edit(username, account.version(), displayName.getValue(), roles.getValue()),
                fields, () -> changed.accept(getTranslation(awaiting[0] ? "users.saved.awaiting" : "users.saved",
                        displayName.getValue().strip()))));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-user");
        var signIn = account.enabled()
                ? new Button(getTranslation("users.disable"), click -> confirmDisable(account, () -> attempt(
                        () -> administration.disable(username, account.version()), fields,
                        () -> changed.accept(getTranslation("users.disabled", account.displayName())))))
                : new Button(getTranslation("users.enable"), click -> attempt(
                        () -> administration.enable(username, account.version()), fields,
                        () -> changed.accept(getTranslation("users.enabled", account.displayName()))));
        signIn.setId(account.enabled() ? "disable-user" : "enable-user");
        if (account.enabled()) {
            signIn.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        signIn.getStyle().set("margin-inline-end", "auto");
        getFooter().add(signIn, new Button(getTranslation("action.cancel"), click -> close()), save);
    }

    /** Disabling ends the person's sessions at once, so the admin says so first, seeing whom and what it does. */
    private void confirmDisable(AccountDetails account, Runnable disable) {
        var confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("users.disable.confirm.title", account.displayName()));
        var consequence = new Paragraph(getTranslation("users.disable.confirm.text", account.displayName(), account.username()));
        consequence.setId("confirm-disable-text");
        confirm.setText(consequence);
        var cancel = new Button(getTranslation("action.cancel"), click -> confirm.close());
        cancel.setId("cancel-disable-user");
        confirm.setCancelable(true);
        confirm.setCancelButton(cancel);
        var disableButton = new Button(getTranslation("users.disable"), click -> {
            confirm.close();
            disable.run();
        });
        disableButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        disableButton.setId("confirm-disable-user");
        confirm.setConfirmButton(disableButton);
        confirm.setId("confirm-disable");
        confirm.open();
    }

    /** Makes the change and closes, or shows why it was refused and stays open. */
    private void attempt(Runnable change, Map<String, HasValidation> fields, Runnable changed) {
        try {
            change.run();
            close();
            changed.run();
        } catch (InvalidEntryException invalid) {
            FieldErrors.show(fields, invalid);
            var general = invalid.fieldErrors().get(UserAdministration.ACCOUNT);
            if (general != null) {
                refusal.show(general);
            }
        } catch (ConcurrentChangeException changedMeanwhile) {
            refusal.show(changedMeanwhile.getMessage());
        }
    }
}
