package org.unstuck.web.caseload;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.ClosingReason;
import org.unstuck.web.common.FieldErrors;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.common.Labels;

/** Closing a case: why, and on which day. */
class CloseCaseDialog extends Dialog {

    CloseCaseDialog(long caseId, String clientCode, @Nullable ClosingReason proposed, CaseloadService caseload, Runnable closed) {
        setHeaderTitle(getTranslation("close-case.title", clientCode));
        setWidth("32rem");
        var intro = new Paragraph(getTranslation("close-case.intro"));
        intro.addClassName("role-purpose");
        var reason = new RadioButtonGroup<ClosingReason>(getTranslation("close-case.reason"));
        reason.setItems(ClosingReason.values());
        reason.setItemLabelGenerator(value -> getTranslation("closing." + value.name()));
        reason.setValue(proposed);
        reason.setId("closing-reason");
        var today = caseload.today();
        var on = new DatePicker(getTranslation("close-case.on"), today);
        on.setMax(today);
        on.setId("closed-on");
        var form = new FormLayout(reason, on);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(intro, form);
        Map<String, HasValidation> fields = Map.of("reason", reason, "closedOn", on);

        var save = new Button(getTranslation("close-case.save"), click -> {
            try {
                var stored = caseload.closeCase(caseId, reason.getValue(), on.getValue());
                close();
                closed.run();
                Confirmation.show(getTranslation("close-case.saved", clientCode, Labels.date(stored.closed()),
                        getTranslation("closing." + reason.getValue().name())));
            } catch (InvalidEntryException invalid) {
                FieldErrors.show(fields, invalid);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-closing");
        var cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("cancel-closing");
        getFooter().add(cancel, save);
    }
}
