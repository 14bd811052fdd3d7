package org.unstuck.web.practice;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("therapists")
@RolesAllowed("PRACTICE_MANAGER")
public class TherapistsView extends Main implements HasDynamicTitle {

    TherapistsView(PracticeDirectory directory) {
        addClassName("page");
        var people = directory.therapists();
        var grid = new PeopleGrid(people).withSupervisors();
        grid.setId("therapists-grid");
        add(new H2(getTranslation("therapists.title")),
                new Paragraph(getTranslation("therapists.intro", people.size())), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("therapists.title") + " · " + getTranslation("app.name");
    }
}
