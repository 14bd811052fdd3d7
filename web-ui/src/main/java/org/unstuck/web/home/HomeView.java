package org.unstuck.web.home;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import org.unstuck.domain.practice.Role;
import org.unstuck.web.audit.AuditChainChecks;
import org.unstuck.web.common.Labels;
import org.unstuck.web.security.CurrentUser;

/** What needs the signed-in person now: one section for each of their roles, each item linking to where it is dealt with. */
@Route("")
@PermitAll
public class HomeView extends Main implements HasDynamicTitle {

    HomeView(CurrentUser currentUser, TherapistHome therapist, SupervisorHome supervisor, ManagerHome manager,
            AdminHome admin, AuditChainChecks chainChecks, Clock clock) {
        addClassName("page");
        addClassName("home");
        setId("home");
        var person = currentUser.person();
        var today = LocalDate.now(clock);
        var date = new Span(Labels.longDate(today));
        date.addClassName("home-date");
        var title = new H2(getTranslation("home.title", person.displayName()));
        title.add(date);
        add(title);
        if (person.hasRole(Role.SUPERVISOR)) {
            add(new SupervisorSection(supervisor.read(), today));
        }
        if (person.hasRole(Role.THERAPIST)) {
            add(new TherapistSection(therapist.read()));
        }
        if (person.hasRole(Role.PRACTICE_MANAGER)) {
            add(new ManagerSection(manager.read()));
        }
        if (person.hasRole(Role.ADMIN)) {
            add(new AdminSection(admin.read(), chainChecks));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " · " + getTranslation("app.name");
    }
}
