package org.unstuck.web.practice;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("admin/users")
@RolesAllowed("ADMIN")
public class UsersView extends Main implements HasDynamicTitle {

    UsersView(PracticeDirectory directory) {
        addClassName("page");
        var people = directory.everyone();
        var grid = new PeopleGrid(people).withRoles().withSupervisors().withAccountState();
        grid.setId("users-grid");
        add(new H2(getTranslation("users.title")), new Paragraph(getTranslation("users.intro", people.size())), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " · " + getTranslation("app.name");
    }
}
