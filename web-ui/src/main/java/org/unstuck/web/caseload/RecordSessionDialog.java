package org.unstuck.web.caseload;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.NumberField;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.measure.Measure;
import org.unstuck.domain.measure.Scores;
import org.unstuck.web.common.FieldErrors;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.common.Labels;

/** Recording one session: day, attendance, a score for each of the case's measures, homework. */
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
        for (var measure : measures) {
            var field = new NumberField(measure.code().value());
            field.setHelperText(getTranslation("session.score.help", Scores.format(measure.range().min()),
                    Scores.format(measure.range().max())));
            field.setStep(measure.range().decimals() == 0 ? 1 : 0.1);
            field.setId("score-" + measure.code().value());
            scoreFields.put(measure.code().value(), field);
            fields.put(measure.code().value(), field);
            form.add(field);
        }
        form.add(homework);
        attendance.addValueChangeListener(change -> {
            var attended = change.getValue() == Attendance.ATTENDED;
            scoreFields.values().forEach(field -> field.setEnabled(attended));
            homework.setEnabled(attended);
        });
        add(form);

        var save = new Button(getTranslation("session.save"), click -> {
            Map<String, @Nullable Double> scores = new HashMap<>();
            scoreFields.forEach((code, field) -> scores.put(code, field.isEnabled() ? field.getValue() : null));
            try {
                var recorded = caseload.recordSession(caseId, new SessionEntry(date.getValue(), attendance.getValue(), scores,
                        homework.getValue()));
                close();
                saved.run();
                Confirmation.show(getTranslation("session.saved", Labels.date(recorded.date()), clientCode));
            } catch (InvalidEntryException invalid) {
                FieldErrors.show(fields, invalid);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-session");
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }
}
