package org.unstuck.web.caseload;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.notes.NotePrompt;
import org.unstuck.domain.notes.NoteVersion;
import org.unstuck.domain.notes.ReflectiveNote;
import org.unstuck.web.common.InvalidEntryException;

/** A reflective note: one prompt per reason a case may stall, and the "hard to work with" flag. */
class NoteDialog extends Dialog {

    NoteDialog(long caseId, String clientCode, @Nullable ReflectiveNote editing, CaseloadService caseload, Runnable saved) {
        setHeaderTitle(getTranslation(editing == null ? "note.title.new" : "note.title.edit"));
        setWidth("44rem");
        var intro = new Paragraph(getTranslation("note.intro"));
        intro.addClassName("role-purpose");
        var layout = new VerticalLayout(intro);
        layout.setPadding(false);
        var answers = new EnumMap<NotePrompt, TextArea>(NotePrompt.class);
        for (var prompt : NotePrompt.values()) {
            var area = new TextArea(getTranslation("note.prompt." + prompt.name()));
            area.setWidthFull();
            area.setMaxLength(NoteVersion.MAX_ANSWER_LENGTH);
            area.setId("note-" + prompt.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (editing != null) {
                area.setValue(editing.current().answers().getOrDefault(prompt, ""));
            }
            answers.put(prompt, area);
            layout.add(area);
        }
        var hard = new Checkbox(getTranslation("note.hard"));
        hard.setId("note-hard");
        hard.setValue(editing != null && editing.current().hardToWorkWith());
        layout.add(hard);
        var refusal = new Paragraph();
        refusal.addClassName("form-refusal");
        refusal.setVisible(false);
        layout.add(refusal);
        add(layout);

        var save = new Button(getTranslation("note.save"), click -> {
            Map<NotePrompt, String> texts = new EnumMap<>(NotePrompt.class);
            answers.forEach((prompt, area) -> texts.put(prompt, area.getValue()));
            try {
                caseload.writeNote(caseId, editing == null || editing.id() == null ? null : editing.id().value(), texts,
                        hard.getValue());
                close();
                saved.run();
                Confirmation.show(getTranslation(editing == null ? "note.saved" : "note.revised", clientCode));
            } catch (InvalidEntryException invalid) {
                refusal.setText(invalid.getMessage());
                refusal.setVisible(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-note");
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }
}
