package org.unstuck.web.caseload;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.unstuck.persistence.audit.AuditEntry;
import org.unstuck.web.audit.AuditColumns;
import org.unstuck.web.common.CaseNotFoundException;

/** Who opened, changed or tried to reach one case, and when, newest first; for those who may see the case. */
@Route("cases/:caseId/access")
@RolesAllowed({"THERAPIST", "SUPERVISOR"})
public class CaseAccessView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final CaseAccessHistory history;
    private String title = "";

    CaseAccessView(CaseAccessHistory history) {
        this.history = history;
        addClassNames("page", "full-height");
        setId("case-access-view");
    }

    /** The small link to a case's access history, for the case page's header. */
    static RouterLink link(Component view, long caseNumber) {
        var link = new RouterLink(view.getTranslation("case-access.link"), CaseAccessView.class,
                new RouteParameters("caseId", Long.toString(caseNumber)));
        link.addClassName("case-access-link");
        link.setId("case-access-link");
        return link;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameter = event.getRouteParameters().get("caseId").orElse("");
        if (!parameter.matches("\\d{1,18}")) {
            event.rerouteToError(NotFoundException.class, getTranslation("case.not-found"));
            return;
        }
        var caseNumber = Long.parseLong(parameter);
        try {
            show(caseNumber, history.open(caseNumber));
        } catch (CaseNotFoundException notFound) {
            event.rerouteToError(NotFoundException.class, getTranslation("case.not-found"));
        }
    }

    private void show(long caseNumber, String clientCode) {
        removeAll();
        title = getTranslation("case-access.title", clientCode);
        var back = new RouterLink(getTranslation("case-access.back", clientCode), CaseView.class,
                new RouteParameters("caseId", Long.toString(caseNumber)));
        back.setId("case-access-back");
        var grid = new Grid<AuditEntry>();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setId("case-access-grid");
        AuditColumns.addTo(grid, this, history.zone(), false);
        grid.setItems(query -> history.entries(caseNumber, query.getOffset(), query.getLimit()).stream(),
                query -> history.count(caseNumber));
        grid.setEmptyStateText(getTranslation("case-access.empty"));
        grid.setSizeFull();
        add(back, new H2(title), new Paragraph(getTranslation("case-access.intro")), grid);
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
