package org.unstuck.web.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.unstuck.web.home.HomeView;

/**
 * A screen that failed to open: a plain sentence and a reference, or the word that the database is
 * away, in the frame, which stands without the database. It reads nothing from the database itself.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class UnexpectedErrorView extends Main implements HasErrorParameter<Exception> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        addClassName("page");
        setId("unexpected-error");
        var error = parameter.getCaughtException();
        var reference = UnexpectedErrors.logged(error);
        if (UnexpectedErrors.databaseUnavailable(error)) {
            add(new H2(getTranslation("error.database.title")), new Paragraph(getTranslation("error.database.text", reference)));
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        add(new H2(getTranslation("error.unexpected.title")), new Paragraph(getTranslation("error.unexpected.text", reference)),
                new RouterLink(getTranslation("not-found.home"), HomeView.class));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
