package org.unstuck.web.caseload;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.unstuck.domain.access.EmergencyAccess;
import org.unstuck.web.common.InvalidEntryException;

/**
 * Break-glass access: a clinician who must read a case outside their own scope — a colleague's
 * client in crisis while the colleague is away — names the client and states why. The case then
 * opens read only for a limited time, and every read is flagged in the audit with the reason.
 */
@Route("emergency-access")
@RolesAllowed({"THERAPIST", "SUPERVISOR"})
public class EmergencyAccessView extends Main implements HasDynamicTitle {

    EmergencyAccessView(CaseloadService caseload) {
        addClassName("page");
        var client = new TextField(getTranslation("emergency.client"));
        client.setId("emergency-client");
        client.setHelperText(getTranslation("emergency.client.help"));
        var reason = new TextArea(getTranslation("emergency.reason"));
        reason.setId("emergency-reason");
        reason.setMaxLength(EmergencyAccess.MAX_REASON);
        reason.setHelperText(getTranslation("emergency.reason.help", EmergencyAccess.MIN_REASON, EmergencyAccess.MAX_REASON));
        reason.setWidthFull();
        var open = new Button(getTranslation("emergency.open"), VaadinIcon.UNLOCK.create(), click -> {
            try {
                var caseNumber = caseload.breakGlass(client.getValue(), reason.getValue());
                getUI().ifPresent(ui -> ui.navigate("cases/" + caseNumber));
            } catch (InvalidEntryException refused) {
                client.setErrorMessage(refused.fieldErrors().get("client"));
                client.setInvalid(refused.fieldErrors().containsKey("client"));
                reason.setErrorMessage(refused.fieldErrors().get("reason"));
                reason.setInvalid(refused.fieldErrors().containsKey("reason"));
            }
        });
        open.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        open.setId("emergency-open");
        var form = new Div(client, reason, open);
        form.addClassName("emergency-form");
        add(new H2(getTranslation("emergency.title")),
                new Paragraph(getTranslation("emergency.intro", EmergencyAccess.LASTS.toHours())), form);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("emergency.title") + " · " + getTranslation("app.name");
    }
}
