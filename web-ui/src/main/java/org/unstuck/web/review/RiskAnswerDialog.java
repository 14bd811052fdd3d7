package org.unstuck.web.review;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.Set;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.DecisionType;
import org.unstuck.web.common.FieldErrors;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.common.Labels;

/**
 * Answering a case's risk alerts, by its therapist or a supervisor: the risk was reviewed and needs
 * no escalation, or it is escalated with the action taken. Either is a decision of the permanent
 * record, with its rationale and a follow-up within days.
 */
public class RiskAnswerDialog extends Dialog {

    public RiskAnswerDialog(long caseId, String clientCode, DecisionService service, Runnable answered) {
        setHeaderTitle(getTranslation("risk.answer.title", clientCode));
        setWidth("36rem");
        setMaxWidth("calc(100vw - 1rem)");
        var type = new RadioButtonGroup<DecisionType>(getTranslation("risk.answer.type"));
        type.setItems(DecisionType.RISK_REVIEWED, DecisionType.ESCALATE_RISK);
        type.setItemLabelGenerator(value -> getTranslation("risk.answer.type." + value.name()));
        type.setId("risk-answer-type");
        var action = new TextField(getTranslation("decision.dialog.detail.ESCALATE_RISK"));
        action.setHelperText(getTranslation("risk.answer.action.help"));
        action.setWidthFull();
        action.setVisible(false);
        action.setId("risk-answer-action");
        type.addValueChangeListener(change -> action.setVisible(change.getValue() == DecisionType.ESCALATE_RISK));
        var rationale = new TextArea(getTranslation("risk.answer.rationale"));
        rationale.setHelperText(getTranslation("risk.answer.rationale.help"));
        rationale.setWidthFull();
        rationale.setId("risk-answer-rationale");
        var followUp = new DatePicker(getTranslation("decision.dialog.follow-up"),
                service.today().plusDays(DecisionService.RISK_FOLLOW_UP_DAYS));
        followUp.setMin(service.today().plusDays(1));
        followUp.setMax(service.today().plusYears(1));
        followUp.setId("risk-answer-follow-up");
        var note = new Paragraph(getTranslation("risk.answer.permanent"));
        note.addClassName("legend");
        var form = new FormLayout(type, action, rationale, followUp);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(note, form);
        Map<String, HasValidation> fields = Map.of("type", type, "detail", action, "rationale", rationale,
                "followUpOn", followUp);

        var save = new Button(getTranslation("risk.answer.save"), click -> {
            try {
                service.answerRisk(caseId, new DecisionEntry(type.getValue(), null, null, action.getValue(),
                        rationale.getValue(), Set.of(StallReason.RISK), followUp.getValue()));
                close();
                answered.run();
                Notification.show(getTranslation("risk.answer.saved", clientCode, Labels.date(followUp.getValue())), 6000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidEntryException invalid) {
                FieldErrors.show(fields, invalid);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-risk-answer");
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }
}
