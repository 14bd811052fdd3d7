package org.unstuck.web.practice;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import java.util.Locale;
import org.unstuck.domain.practice.Role;

/** The roles a person may have, each with what it lets them do. */
final class RoleChoice extends CheckboxGroup<Role> {

    RoleChoice() {
        super();
        setLabel(getTranslation("users.roles"));
        setItems(Role.values());
        setItemLabelGenerator(role -> getTranslation("users.role." + role.name().toLowerCase(Locale.ROOT)));
        addThemeName("vertical");
        setId("roles");
    }
}
