package org.unstuck.web.review;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.DecisionType;
import org.unstuck.domain.review.MeetingId;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.practice.PersonRow;

/** Recording a supervision decision: one set of fields per type, and always rationale, reasons and follow-up. */
public class DecisionDialog extends Dialog {

    public DecisionDialog(long caseId, String currentApproach, Set<StallReason> suggestedReasons, DecisionService service,
            Runnable recorded) {
        this(caseId, currentApproach, suggestedReasons, service, null, recorded);
    }

    /** A decision recorded in a review meeting, so it becomes part of the meeting's minutes. */
    public DecisionDialog(long caseId, String currentApproach, Set<StallReason> suggestedReasons, DecisionService service,
            @Nullable MeetingId meeting, Runnable recorded) {
        this(caseId, currentApproach, suggestedReasons, service, meeting, null, recorded);
    }

    /** A correction: a new decision that supersedes the one given. */
    public static DecisionDialog correcting(long caseId, String currentApproach, Set<StallReason> reasons,
            DecisionService service, long decisionId, Runnable recorded) {
        return new DecisionDialog(caseId, currentApproach, reasons, service, null, decisionId, recorded);
    }

    private DecisionDialog(long caseId, String currentApproach, Set<StallReason> suggestedReasons, DecisionService service,
            @Nullable MeetingId meeting, @Nullable Long correcting, Runnable recorded) {
        setHeaderTitle(getTranslation(correcting == null ? "decision.dialog.title" : "decision.dialog.correct"));
        setWidth("40rem");
        var type = new Select<DecisionType>();
        type.setLabel(getTranslation("decision.dialog.type"));
        type.setItems(DecisionType.values());
        type.setItemLabelGenerator(value -> getTranslation("decision.type." + value.name()));
        type.setId("decision-type");
        var from = new TextField(getTranslation("decision.dialog.from"), currentApproach, "");
        from.setReadOnly(true);
        var to = new TextField(getTranslation("decision.dialog.to"));
        to.setId("decision-new-approach");
        var colleague = new ComboBox<PersonRow>(getTranslation("decision.dialog.colleague"));
        colleague.setItems(service.colleaguesFor(caseId));
        colleague.setItemLabelGenerator(PersonRow::displayName);
        colleague.setId("decision-colleague");
        var detail = new TextField();
        detail.setId("decision-detail");
        var rationale = new TextArea(getTranslation("decision.dialog.rationale"));
        rationale.setId("decision-rationale");
        var reasons = new CheckboxGroup<StallReason>(getTranslation("decision.dialog.reasons"));
        reasons.setItems(StallReason.values());
        reasons.setItemLabelGenerator(value -> getTranslation("reason." + value.name()));
        reasons.setValue(suggestedReasons);
        reasons.setId("decision-reasons");
        var followUp = new DatePicker(getTranslation("decision.dialog.follow-up"), service.today().plusWeeks(4));
        followUp.setMin(service.today().plusDays(1));
        followUp.setMax(service.today().plusYears(1));
        followUp.setId("decision-follow-up");
        var note = new Paragraph(getTranslation("decision.dialog.permanent"));
        note.addClassName("legend");

        type.addValueChangeListener(change -> {
            var chosen = change.getValue();
            from.setVisible(chosen == DecisionType.CHANGE_APPROACH);
            to.setVisible(chosen == DecisionType.CHANGE_APPROACH);
            colleague.setVisible(chosen == DecisionType.REFER_TO_COLLEAGUE);
            var needsDetail = chosen == DecisionType.REFER_EXTERNALLY || chosen == DecisionType.CHANGE_FREQUENCY
                    || chosen == DecisionType.ADD_ASSESSMENT || chosen == DecisionType.ESCALATE_RISK;
            detail.setVisible(needsDetail);
            if (needsDetail) {
                detail.setLabel(getTranslation("decision.dialog.detail." + chosen.name()));
            }
        });
        from.setVisible(false);
        to.setVisible(false);
        colleague.setVisible(false);
        detail.setVisible(false);

        var form = new FormLayout(type, from, to, colleague, detail, rationale, reasons, followUp);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(note, form);
        Map<String, HasValidation> fields = Map.of("type", type, "newApproach", to, "colleague", colleague, "detail", detail,
                "rationale", rationale, "reasons", reasons, "followUpOn", followUp);

        var save = new Button(getTranslation("decision.dialog.save"), click -> {
            try {
                var entry = new DecisionEntry(type.getValue(), to.getValue(),
                        colleague.getValue() == null ? null : colleague.getValue().username(), detail.getValue(),
                        rationale.getValue(), reasons.getValue(), followUp.getValue());
                if (correcting == null) {
                    service.record(caseId, entry, meeting);
                } else {
                    service.correct(correcting, entry);
                }
                close();
                recorded.run();
            } catch (InvalidEntryException invalid) {
                fields.forEach((name, field) -> {
                    var message = invalid.fieldErrors().get(name);
                    field.setErrorMessage(message);
                    field.setInvalid(message != null);
                });
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-decision");
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }
}
