package org.unstuck.web.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.unstuck.web.caseload.EmergencyAccessView;
import org.unstuck.web.home.HomeView;

/**
 * The same plain answer for a page that does not exist and for one the person may not open, so an
 * address reveals nothing about what lies behind it.
 */
@AnonymousAllowed
public class NotFoundView extends Main implements HasErrorParameter<NotFoundException> {

    private final AccessAnnotationChecker access;

    NotFoundView(AccessAnnotationChecker access) {
        this.access = access;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show(this, access);
        return HttpServletResponse.SC_NOT_FOUND;
    }

    static void show(Main view, AccessAnnotationChecker access) {
        view.removeAll();
        view.addClassName("page");
        view.setId("not-found");
        view.add(new H2(view.getTranslation("not-found.title")), new Paragraph(view.getTranslation("not-found.text")),
                new RouterLink(view.getTranslation("not-found.home"), HomeView.class));
        if (access.hasAccess(EmergencyAccessView.class)) {
            var emergency = new RouterLink(view.getTranslation("not-found.emergency"), EmergencyAccessView.class);
            emergency.setId("request-emergency-access");
            view.add(new Paragraph(emergency));
        }
    }
}
