package org.unstuck.web.practice;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("team")
@RolesAllowed("SUPERVISOR")
public class MyTeamView extends Main implements HasDynamicTitle {

    MyTeamView(PracticeDirectory directory, AccountChanges changes) {
        addClassName("page");
        var people = directory.mySupervisees();
        var grid = new PeopleGrid(people).withSupervisors();
        grid.setId("team-grid");
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("credentials/" + click.getItem().username())));
        add(new H2(getTranslation("team.title")), new Paragraph(getTranslation("team.intro", people.size())), grid,
                new DecidedChanges(changes.recentlyDecided(), changes.zone()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("team.title") + " · " + getTranslation("app.name");
    }
}
