package org.unstuck.web.caseload;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.measure.Measure;
import org.unstuck.domain.measure.MeasureItems;
import org.unstuck.domain.measure.Score;
import org.unstuck.domain.measure.Scores;
import org.unstuck.web.common.FieldErrors;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.common.Labels;

/** Recording one session: day, attendance, a score for each of the case's measures and, optionally, its items, homework. */
class RecordSessionDialog extends Dialog {

    RecordSessionDialog(long caseId, String clientCode, List<Measure> measures, @Nullable LocalDate day,
            CaseloadService caseload, Runnable saved) {
        setHeaderTitle(getTranslation("session.title"));
        setWidth("34rem");
        var date = new DatePicker(getTranslation("session.date"), day == null ? caseload.today() : day);
        date.setMax(caseload.today());
        date.setId("session-date");
        var attendance = new RadioButtonGroup<Attendance>(getTranslation("session.attendance"));
        attendance.setItems(Attendance.values());
        attendance.setItemLabelGenerator(value -> getTranslation("attendance." + value.name()));
        attendance.setValue(Attendance.ATTENDED);
        attendance.setId("session-attendance");
        var homework = new RadioButtonGroup<Homework>(getTranslation("session.homework"));
        homework.setItems(Homework.values());
        homework.setItemLabelGenerator(value -> getTranslation("homework." + value.name()));
        homework.setValue(Homework.NOT_SET);
        homework.setId("session-homework");

        var form = new FormLayout(date, attendance);
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("date", date);
        fields.put("attendance", attendance);
        var scoreFields = new LinkedHashMap<String, NumberField>();
        var itemFields = new LinkedHashMap<String, List<IntegerField>>();
        var itemSections = new ArrayList<Details>();
        for (var measure : measures) {
            var field = new NumberField(measure.code().value());
            field.setHelperText(getTranslation("session.score.help", Scores.format(measure.range().min()),
                    Scores.format(measure.range().max())));
            field.setStep(measure.range().decimals() == 0 ? 1 : 0.1);
            field.setId("score-" + measure.code().value());
            scoreFields.put(measure.code().value(), field);
            fields.put(measure.code().value(), field);
            form.add(field);
            measure.itemsIfDefined().ifPresent(items -> {
                var section = itemSection(measure, items, field);
                itemFields.put(measure.code().value(), section.fields());
                itemSections.add(section.details());
                form.add(section.details());
            });
        }
        form.add(homework);
        attendance.addValueChangeListener(change -> {
            var attended = change.getValue() == Attendance.ATTENDED;
            scoreFields.values().forEach(field -> field.setEnabled(attended));
            itemSections.forEach(section -> section.setEnabled(attended));
            homework.setEnabled(attended);
        });
        add(form);

        var save = new Button(getTranslation("session.save"), click -> {
            Map<String, @Nullable Double> scores = new HashMap<>();
            scoreFields.forEach((code, field) -> scores.put(code, field.isEnabled() ? field.getValue() : null));
            Map<String, List<@Nullable Integer>> items = new HashMap<>();
            itemFields.forEach((code, itemsOf) -> items.put(code, itemsOf.stream()
                    .map(item -> item.isEnabled() ? item.getValue() : null).toList()));
            try {
                var recorded = caseload.recordSession(caseId, new SessionEntry(date.getValue(), attendance.getValue(), scores,
                        items, homework.getValue()));
                close();
                saved.run();
                var message = getTranslation("session.saved", Labels.date(recorded.date()), clientCode);
                Confirmation.show(recorded.scores().stream().anyMatch(Score::meetsRiskRule)
                        ? message + " " + getTranslation("session.saved.risk") : message);
            } catch (InvalidEntryException invalid) {
                FieldErrors.show(fields, invalid);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-session");
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }

    private record ItemSection(Details details, List<IntegerField> fields) {
    }

    /**
     * The measure's items, optional: once every item is filled in, the total becomes their sum. The
     * critical item is marked and its rule said beside the fields.
     */
    private ItemSection itemSection(Measure measure, MeasureItems items, NumberField total) {
        var code = measure.code().value();
        var grid = new FormLayout();
        grid.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 3), new FormLayout.ResponsiveStep("24rem", 5));
        var fields = new ArrayList<IntegerField>();
        var risk = items.risk();
        for (var number = 1; number <= items.count(); number++) {
            var critical = risk != null && risk.item() == number;
            var field = new IntegerField(getTranslation(critical ? "session.item.critical" : "session.item", number));
            field.setMin(0);
            field.setMax(items.maxEach());
            field.setStepButtonsVisible(false);
            field.setId("item-" + code + "-" + number);
            field.addValueChangeListener(change -> {
                if (fields.stream().allMatch(item -> item.getValue() != null)) {
                    total.setValue((double) fields.stream().mapToInt(IntegerField::getValue).sum());
                }
            });
            fields.add(field);
            grid.add(field);
        }
        var content = new Div(grid);
        if (risk != null) {
            var rule = new Paragraph(getTranslation("session.item.risk-rule", risk.item(), risk.label(), risk.atLeast()));
            rule.addClassName("legend");
            content.add(rule);
        }
        var details = new Details(getTranslation("session.items", code, items.maxEach()), content);
        details.setId("items-" + code);
        return new ItemSection(details, fields);
    }
}
