package org.unstuck.web.caseload;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.function.LongConsumer;
import org.unstuck.domain.credential.TherapistNotReadyException;
import org.unstuck.domain.measure.Measure;
import org.unstuck.domain.measure.MeasureKind;
import org.unstuck.web.common.FieldErrors;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.common.Labels;

/** Opening a case: client code (no names), problem, approach, measures and the day it opened. */
class OpenCaseDialog extends Dialog {

    OpenCaseDialog(CaseloadService caseload, LongConsumer opened) {
        setHeaderTitle(getTranslation("open-case.title"));
        setWidth("36rem");
        var client = new TextField(getTranslation("open-case.client"));
        client.setHelperText(getTranslation("open-case.client.help"));
        client.setId("client-code");
        var problem = new TextField(getTranslation("open-case.problem"));
        problem.setMaxLength(200);
        problem.setId("presenting-problem");
        var approach = new TextField(getTranslation("open-case.approach"));
        approach.setId("approach");
        var primary = new ComboBox<Measure>(getTranslation("open-case.primary"));
        primary.setItems(caseload.measures(MeasureKind.OUTCOME));
        primary.setItemLabelGenerator(measure -> measure.code() + " · " + measure.name());
        primary.setId("primary-measure");
        var alliance = new ComboBox<Measure>(getTranslation("open-case.alliance"));
        var allianceMeasures = caseload.measures(MeasureKind.ALLIANCE);
        alliance.setItems(allianceMeasures);
        alliance.setItemLabelGenerator(measure -> measure.code() + " · " + measure.name());
        alliance.setClearButtonVisible(true);
        allianceMeasures.stream().findFirst().ifPresent(alliance::setValue);
        var openedOn = new DatePicker(getTranslation("open-case.opened"), caseload.today());
        openedOn.setMax(caseload.today());
        var earliest = caseload.earliestOpening();
        openedOn.setMin(earliest);
        openedOn.setHelperText(getTranslation("open-case.opened.help", Labels.date(earliest), Labels.date(caseload.today())));
        openedOn.setId("opened-on");
        var secondEpisode = new Checkbox(getTranslation("open-case.second-episode"));
        secondEpisode.setId("second-episode");
        secondEpisode.setVisible(false);
        client.addValueChangeListener(change -> {
            var already = caseload.hasOpenCaseFor(change.getValue());
            secondEpisode.setVisible(already);
            secondEpisode.setLabel(getTranslation("open-case.second-episode", change.getValue().strip()));
            if (!already) {
                secondEpisode.setValue(false);
            }
        });
        var refusal = new Paragraph();
        refusal.addClassName("form-refusal");
        refusal.setVisible(false);
        refusal.setId("open-case-refusal");

        var form = new FormLayout(client, secondEpisode, problem, approach, primary, alliance, openedOn);
        add(refusal, form);
        Map<String, HasValidation> fields = Map.of("clientCode", client, "presentingProblem", problem, "approach", approach,
                "primaryMeasure", primary, "allianceMeasure", alliance, "opened", openedOn);

        var save = new Button(getTranslation("open-case.save"), click -> {
            try {
                var id = caseload.openCase(new NewCaseEntry(client.getValue(), problem.getValue(), approach.getValue(),
                        primary.getValue() == null ? null : primary.getValue().code().value(),
                        alliance.getValue() == null ? null : alliance.getValue().code().value(), openedOn.getValue(),
                        secondEpisode.getValue()));
                close();
                opened.accept(id);
            } catch (InvalidEntryException invalid) {
                FieldErrors.show(fields, invalid);
            } catch (TherapistNotReadyException notReady) {
                refusal.setText(notReady.getMessage() + ". " + getTranslation("open-case.not-ready"));
                refusal.setVisible(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-case");
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }
}
