package org.unstuck.web.credential;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.credential.CredentialPolicy;
import org.unstuck.domain.credential.CredentialType;

/** What the practice requires of every therapist: credential types, CPD hours a year, the expiry warning window. */
@Route("credential-policy")
@RolesAllowed({"PRACTICE_MANAGER", "ADMIN"})
public class CredentialPolicyView extends Main implements HasDynamicTitle {

    CredentialPolicyView(CredentialService service) {
        addClassName("page");
        setId("credential-policy");
        var current = service.policy();
        var required = new CheckboxGroup<CredentialType>(getTranslation("policy.required"));
        required.setItems(CredentialType.values());
        required.setItemLabelGenerator(type -> getTranslation("credential.type." + type.name()));
        required.setItemEnabledProvider(type -> type != CredentialType.LICENCE && type != CredentialType.INSURANCE);
        required.setValue(current.value().required());
        required.setHelperText(getTranslation("policy.required.help"));
        var hours = new NumberField(getTranslation("policy.cpd"), current.value().cpdHoursPerYear(), null);
        hours.setMin(0);
        hours.setMax(500);
        hours.setId("policy-cpd");
        var window = new IntegerField(getTranslation("policy.window"));
        window.setValue(current.value().warningDays());
        window.setMin(1);
        window.setMax(365);
        window.setHelperText(getTranslation("policy.window.help", CredentialPolicy.DEFAULT_WARNING_DAYS));
        window.setId("policy-window");
        var outcome = new Paragraph();
        var save = new Button(getTranslation("policy.save"), click -> {
            try {
                var types = EnumSet.of(CredentialType.LICENCE, CredentialType.INSURANCE);
                types.addAll(required.getValue());
                service.savePolicy(new CredentialPolicy(types, hours.getValue() == null ? -1 : hours.getValue(),
                        window.getValue() == null ? 0 : window.getValue()), current.version());
                outcome.setText(getTranslation("policy.saved"));
                outcome.removeClassName("form-refusal");
            } catch (IllegalArgumentException | ConcurrentChangeException refused) {
                outcome.setText(refused.getMessage());
                outcome.addClassName("form-refusal");
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-policy");
        add(new H2(getTranslation("policy.title")), new Paragraph(getTranslation("policy.intro")), required, hours, window,
                save, outcome);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("policy.title") + " · " + getTranslation("app.name");
    }
}
