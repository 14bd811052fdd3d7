package org.unstuck.web.practice;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.unstuck.web.common.FieldErrors;
import org.unstuck.web.common.InvalidEntryException;

/** Which therapists a supervisor supervises: ticked ones are paired, unticked ones are not. */
class SuperviseesDialog extends Dialog {

    SuperviseesDialog(UserAdministration administration, PersonRow supervisor, IntConsumer changed) {
        setHeaderTitle(getTranslation("users.supervisees.title", supervisor.displayName()));
        setWidth("36rem");
        var current = administration.account(supervisor.username()).supervisees();
        var therapists = new CheckboxGroup<PersonRow>(getTranslation("users.supervisees.choose"));
        var candidates = administration.possibleSupervisees(supervisor.username());
        therapists.setItems(candidates);
        therapists.setItemLabelGenerator(person -> getTranslation("users.person", person.displayName(), person.username()));
        therapists.setValue(candidates.stream().filter(person -> current.contains(person.username()))
                .collect(Collectors.toSet()));
        therapists.addThemeName("vertical");
        therapists.setHelperText(getTranslation("users.supervisees.help"));
        therapists.setId("supervisees");
        add(therapists);
        var save = new Button(getTranslation("users.supervisees.save"), click -> {
            try {
                var awaiting = administration.setSupervisees(supervisor.username(), therapists.getValue().stream()
                        .map(PersonRow::username).collect(Collectors.toSet()));
                close();
                changed.accept(awaiting);
            } catch (InvalidEntryException invalid) {
                FieldErrors.show(Map.of(UserAdministration.SUPERVISEES, therapists), invalid);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-supervisees");
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }
}
