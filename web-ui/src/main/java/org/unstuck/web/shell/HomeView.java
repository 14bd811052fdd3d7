package org.unstuck.web.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import org.unstuck.domain.practice.Role;
import org.unstuck.web.security.CurrentUser;

/** The start page: who is signed in, and what Unstuck does for each of their roles. */
@Route("")
@PermitAll
public class HomeView extends Main implements HasDynamicTitle {

    HomeView(CurrentUser currentUser) {
        addClassName("page");
        var account = currentUser.account();
        add(new H2(getTranslation("home.welcome", account.displayName())));
        for (Role role : Role.values()) {
            if (account.hasRole(role)) {
                var purpose = new Paragraph(getTranslation("home.role." + role.name().toLowerCase(Locale.ROOT)));
                purpose.addClassName("role-purpose");
                add(purpose);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " · " + getTranslation("app.name");
    }
}
