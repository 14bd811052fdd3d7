package org.unstuck.web.security;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.Map;
import org.unstuck.domain.practice.PasswordPolicy;

/** A new password typed twice, with the policy said beside it; errors arrive under {@link NewPasswords}' field names. */
public record NewPasswordFields(PasswordField password, PasswordField repeated) {

    public static NewPasswordFields in(Component screen, String passwordLabelKey) {
        var password = new PasswordField(screen.getTranslation(passwordLabelKey));
        password.setHelperText(screen.getTranslation("password.policy", PasswordPolicy.MINIMUM_LENGTH,
                PasswordPolicy.MAXIMUM_LENGTH));
        password.setId("new-password");
        var repeated = new PasswordField(screen.getTranslation("password.repeat"));
        repeated.setId("repeat-password");
        return new NewPasswordFields(password, repeated);
    }

    public Map<String, HasValidation> fields() {
        return Map.of(NewPasswords.PASSWORD, password, NewPasswords.REPEATED, repeated);
    }

    public void clear() {
        password.clear();
        repeated.clear();
    }
}
