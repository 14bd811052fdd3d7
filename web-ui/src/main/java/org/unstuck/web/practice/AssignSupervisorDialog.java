package org.unstuck.web.practice;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Map;
import java.util.function.Consumer;
import org.unstuck.domain.practice.UnsupervisedCaseload;
import org.unstuck.web.common.FieldErrors;
import org.unstuck.web.common.InvalidEntryException;

/** Who reviews a caseload nobody reviews: another supervisor, or a peer who supervises. */
class AssignSupervisorDialog extends Dialog {

    AssignSupervisorDialog(UserAdministration administration, UnsupervisedCaseload caseload, Consumer<PersonRow> assigned) {
        setHeaderTitle(getTranslation("users.assign.title", caseload.displayName()));
        setWidth("32rem");
        var therapist = caseload.username().value();
        var supervisor = new ComboBox<PersonRow>(getTranslation("users.assign.supervisor"));
        supervisor.setItems(administration.possibleSupervisors(therapist));
        supervisor.setItemLabelGenerator(person -> getTranslation("users.person", person.displayName(), person.username()));
        supervisor.setHelperText(getTranslation("users.assign.help", caseload.displayName()));
        supervisor.setWidthFull();
        supervisor.setId("assign-supervisor");
        add(new Paragraph(getTranslation("users.assign.intro", caseload.displayName(), caseload.openCases())), supervisor);
        var save = new Button(getTranslation("users.assign.save"), click -> {
            var chosen = supervisor.getValue();
            try {
                administration.addSupervisor(therapist, chosen == null ? null : chosen.username());
                close();
                assigned.accept(chosen);
            } catch (InvalidEntryException invalid) {
                FieldErrors.show(Map.of(UserAdministration.SUPERVISOR, supervisor), invalid);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-assign-supervisor");
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }
}
