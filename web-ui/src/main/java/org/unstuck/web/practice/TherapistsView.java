package org.unstuck.web.practice;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.unstuck.web.reports.HealthReportLinks;
import org.unstuck.web.reports.ReportService;

@Route("therapists")
@RolesAllowed("PRACTICE_MANAGER")
public class TherapistsView extends Main implements HasDynamicTitle {

    TherapistsView(PracticeDirectory directory, ReportService reports) {
        addClassName("page");
        var people = directory.therapists();
        var grid = new PeopleGrid(people).withSupervisors();
        grid.setId("therapists-grid");
        add(new H2(getTranslation("therapists.title")), new HealthReportLinks(reports),
                new Paragraph(getTranslation("therapists.intro", people.size())), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("therapists.title") + " · " + getTranslation("app.name");
    }
}
