package org.unstuck.web.practice;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.unstuck.domain.practice.Role;

/** A table of people; each screen chooses which columns it needs. */
class PeopleGrid extends Grid<PersonRow> {

    PeopleGrid(List<PersonRow> people) {
        super(PersonRow.class, false);
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
        addColumn(PersonRow::displayName).setHeader(getTranslation("people.name")).setSortable(true).setAutoWidth(true);
        addColumn(PersonRow::username).setHeader(getTranslation("people.username")).setAutoWidth(true);
        setItems(people);
    }

    PeopleGrid withRoles() {
        addColumn(person -> person.roles().stream()
                .map(role -> getTranslation("role." + role.name().toLowerCase(Locale.ROOT)))
                .sorted()
                .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("people.roles")).setAutoWidth(true);
        return this;
    }

    PeopleGrid withSupervisors() {
        addColumn(person -> !person.roles().contains(Role.THERAPIST) ? ""
                : person.supervisors().isEmpty() ? getTranslation("people.no-supervisor")
                : String.join(", ", person.supervisors()))
                .setHeader(getTranslation("people.supervisors")).setAutoWidth(true);
        return this;
    }

    PeopleGrid withAccountState() {
        addColumn(person -> getTranslation(person.enabled() ? "people.enabled" : "people.disabled"))
                .setHeader(getTranslation("people.account")).setAutoWidth(true);
        return this;
    }
}
