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
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.credential.RequirementStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.DecisionType;
import org.unstuck.domain.review.MeetingId;
import org.unstuck.web.common.DecisionWording;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.common.Labels;
import org.unstuck.web.common.Texts;

/**
 * Recording a supervision decision: one set of fields per type, and always rationale, reasons and
 * follow-up. A correction opens filled with the decision it corrects. Colleagues who cannot take
 * new cases are not offered, and are named under the field with why.
 */
public class DecisionDialog extends Dialog {

    private final Select<DecisionType> type = new Select<>();
    private final TextField to = new TextField();
    private final ComboBox<DecisionService.Colleague> colleague = new ComboBox<>();
    private final TextField detail = new TextField();
    private final TextArea rationale = new TextArea();
    private final CheckboxGroup<StallReason> reasons = new CheckboxGroup<>();
    private final DatePicker followUp = new DatePicker();

    public DecisionDialog(long caseId, String currentApproach, Set<StallReason> suggestedReasons, DecisionService service,
            Runnable recorded) {
        this(caseId, currentApproach, suggestedReasons, service, null, recorded);
    }

    /** A decision recorded in a review meeting, so it becomes part of the meeting's minutes. */
    public DecisionDialog(long caseId, String currentApproach, Set<StallReason> suggestedReasons, DecisionService service,
            @Nullable MeetingId meeting, Runnable recorded) {
        this(caseId, currentApproach, suggestedReasons, service, meeting, null, recorded);
    }

    /** A correction: a new decision that supersedes the one given, starting from what it recorded. */
    public static DecisionDialog correcting(long caseId, DecisionService service, long decisionId, Runnable recorded) {
        var correction = service.correctionOf(decisionId);
        var dialog = new DecisionDialog(caseId, correction.fromApproach(), correction.entry().reasons(), service, null,
                decisionId, recorded);
        dialog.fill(correction.entry());
        return dialog;
    }

    private DecisionDialog(long caseId, String currentApproach, Set<StallReason> suggestedReasons, DecisionService service,
            @Nullable MeetingId meeting, @Nullable Long correcting, Runnable recorded) {
        setHeaderTitle(getTranslation(correcting == null ? "decision.dialog.title" : "decision.dialog.correct"));
        setWidth("40rem");
        setMaxWidth("calc(100vw - 1rem)");
        type.setLabel(getTranslation("decision.dialog.type"));
        type.setItems(DecisionType.values());
        type.setItemLabelGenerator(value -> getTranslation("decision.type." + value.name()));
        type.setId("decision-type");
        var from = new TextField(getTranslation("decision.dialog.from"), currentApproach, "");
        from.setReadOnly(true);
        to.setLabel(getTranslation("decision.dialog.to"));
        to.setId("decision-new-approach");
        var colleagues = service.colleaguesFor(caseId);
        colleague.setLabel(getTranslation("decision.dialog.colleague"));
        colleague.setItems(colleagues.offered());
        colleague.setItemLabelGenerator(offered -> getTranslation("decision.colleague.item", offered.displayName(),
                offered.openCases(), getTranslation("compliance." + offered.status().name()).toLowerCase(getLocale())));
        colleague.setHelperText(getTranslation("decision.colleague.help"));
        colleague.setId("decision-colleague");
        var notOffered = new Paragraph(colleagues.notOffered().isEmpty() ? ""
                : getTranslation("decision.colleague.not-offered", colleagues.notOffered().stream()
                        .map(left -> getTranslation("decision.colleague.left-out", left.displayName(), left.blocking().stream()
                                .map(this::blocking).collect(Collectors.joining(", "))))
                        .collect(Collectors.joining("; "))));
        notOffered.addClassName("legend");
        notOffered.setId("decision-colleagues-not-offered");
        detail.setId("decision-detail");
        rationale.setLabel(getTranslation("decision.dialog.rationale"));
        rationale.setId("decision-rationale");
        reasons.setLabel(getTranslation("decision.dialog.reasons"));
        reasons.setItems(StallReason.values());
        reasons.setItemLabelGenerator(value -> getTranslation("reason." + value.name()));
        reasons.setValue(suggestedReasons);
        reasons.setId("decision-reasons");
        var usualFollowUp = service.today().plusWeeks(DecisionService.FOLLOW_UP_WEEKS);
        var riskFollowUp = service.today().plusDays(DecisionService.RISK_FOLLOW_UP_DAYS);
        followUp.setLabel(getTranslation("decision.dialog.follow-up"));
        followUp.setValue(usualFollowUp);
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
            notOffered.setVisible(chosen == DecisionType.REFER_TO_COLLEAGUE && !colleagues.notOffered().isEmpty());
            // A risk is followed up within days; the usual weeks come back if the type changes again, unless the date was chosen.
            if (change.isFromClient() && chosen != null && chosen.answersRisk()) {
                if (usualFollowUp.equals(followUp.getValue())) {
                    followUp.setValue(riskFollowUp);
                }
                var withRisk = EnumSet.of(StallReason.RISK);
                withRisk.addAll(reasons.getValue());
                reasons.setValue(withRisk);
            } else if (change.isFromClient() && riskFollowUp.equals(followUp.getValue())) {
                followUp.setValue(usualFollowUp);
            }
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
        notOffered.setVisible(false);
        detail.setVisible(false);

        var form = new FormLayout(type, from, to, colleague, notOffered, detail, rationale, reasons, followUp);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(note, form);
        Map<String, HasValidation> fields = Map.of("type", type, "newApproach", to, "colleague", colleague, "detail", detail,
                "rationale", rationale, "reasons", reasons, "followUpOn", followUp);

        var save = new Button(getTranslation("decision.dialog.save"), click -> {
            try {
                var entry = new DecisionEntry(type.getValue(), to.getValue(),
                        colleague.getValue() == null ? null : colleague.getValue().username(), detail.getValue(),
                        rationale.getValue(), reasons.getValue(), followUp.getValue());
                var id = correcting == null ? service.record(caseId, entry, meeting) : service.correct(correcting, entry);
                close();
                confirm(service.saved(id), correcting != null);
                recorded.run();
            } catch (InvalidEntryException invalid) {
                fields.forEach((name, field) -> {
                    var message = invalid.fieldErrors().get(name);
                    field.setErrorMessage(message);
                    field.setInvalid(message != null);
                });
                var meetingRefusal = invalid.fieldErrors().get("meeting");
                if (meetingRefusal != null) {
                    Notification.show(meetingRefusal, 8000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-decision");
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }

    private void fill(DecisionEntry entry) {
        type.setValue(entry.type());
        to.setValue(Objects.requireNonNullElse(entry.newApproach(), ""));
        colleague.getListDataView().getItems().filter(offered -> offered.username().equals(entry.colleague())).findFirst()
                .ifPresent(colleague::setValue);
        detail.setValue(Objects.requireNonNullElse(entry.detail(), ""));
        rationale.setValue(Objects.requireNonNullElse(entry.rationale(), ""));
        reasons.setValue(entry.reasons());
        followUp.setValue(entry.followUpOn());
    }

    /** "licence expired 3 Nov 2026": what stops a colleague taking new cases. */
    private String blocking(RequirementStatus requirement) {
        var what = getTranslation("credential.type." + requirement.type().name()).toLowerCase(getLocale());
        return getTranslation("decision.colleague.blocking." + requirement.status().name(), what,
                Labels.date(requirement.validTo()));
    }

    /** Says what was saved: what was decided, its follow-up, and the earlier follow-ups it answers. */
    private void confirm(DecisionService.Saved saved, boolean correction) {
        var decision = saved.decision();
        var what = DecisionWording.what(Texts.of(this), decision.details(), person -> saved.colleague());
        var message = getTranslation(correction ? "decision.saved.correction" : "decision.saved", what,
                Labels.date(decision.followUpOn()));
        if (saved.followUpsAnswered() > 0) {
            message += " " + getTranslation("decision.saved.answers", saved.followUpsAnswered());
        }
        Notification.show(message, 6000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
