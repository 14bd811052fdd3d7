package org.unstuck.web.audit;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.persistence.audit.AuditEntry;
import org.unstuck.web.common.InvalidEntryException;

/**
 * The audit trail for the admin, newest first and loaded as it scrolls: who did what, when and on
 * which client's case, filtered by person, client code, action and days. No clinical content.
 */
@Route("admin/audit")
@RolesAllowed("ADMIN")
public class AuditLogView extends Main implements HasDynamicTitle {

    private final AuditViewer viewer;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final ComboBox<UserAccount> person = new ComboBox<>();
    private final TextField client = new TextField();
    private final ComboBox<String> action = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private AuditViewer.Filter shown = AuditViewer.Filter.none();

    AuditLogView(AuditViewer viewer, AuditChainChecks chainChecks) {
        this.viewer = viewer;
        addClassNames("page", "full-height", "audit-view");
        setId("audit-view");

        person.setLabel(getTranslation("audit.filter.person"));
        person.setItems(viewer.people());
        person.setItemLabelGenerator(account -> account.displayName() + " (" + account.username().value() + ")");
        person.setClearButtonVisible(true);
        person.setId("audit-person");
        client.setLabel(getTranslation("audit.filter.client"));
        client.setPlaceholder("C-0417");
        client.setClearButtonVisible(true);
        client.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        client.setId("audit-client");
        action.setLabel(getTranslation("audit.filter.action"));
        action.setItems(viewer.actions());
        action.setItemLabelGenerator(code -> AuditColumns.action(this, code) + " · " + code);
        action.setClearButtonVisible(true);
        action.setId("audit-action");
        from.setLabel(getTranslation("audit.filter.from"));
        from.setMax(viewer.today());
        from.setClearButtonVisible(true);
        from.setId("audit-from");
        to.setLabel(getTranslation("audit.filter.to"));
        to.setMax(viewer.today());
        to.setClearButtonVisible(true);
        to.setId("audit-to");
        var filters = new HorizontalLayout(person, client, action, from, to);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassNames("wrap-row", "audit-filters");

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setId("audit-grid");
        AuditColumns.addTo(grid, this, viewer.zone(), true);
        grid.setItems(query -> (query.getOffset() == 0 ? viewer.firstPage(shown, query.getLimit())
                        : viewer.page(shown, query.getOffset(), query.getLimit())).stream(),
                query -> viewer.count(shown));
        grid.setSizeFull();
        grid.setEmptyStateText(getTranslation("audit.empty.none"));

        person.addValueChangeListener(change -> apply());
        client.addValueChangeListener(change -> apply());
        action.addValueChangeListener(change -> apply());
        from.addValueChangeListener(change -> apply());
        to.addValueChangeListener(change -> apply());

        add(new H2(getTranslation("audit.title")), new Paragraph(getTranslation("audit.intro")),
                new AuditChainPanel(chainChecks, () -> grid.getDataProvider().refreshAll(), true), filters, grid);
    }

    private void apply() {
        var filter = new AuditViewer.Filter(person.getValue() == null ? null : person.getValue().username().value(),
                client.getValue().isBlank() ? null : client.getValue(), action.getValue(), from.getValue(), to.getValue());
        try {
            viewer.check(filter);
        } catch (InvalidEntryException refused) {
            var errors = refused.fieldErrors();
            client.setInvalid(errors.containsKey("client"));
            client.setErrorMessage(errors.get("client"));
            to.setInvalid(errors.containsKey("to"));
            to.setErrorMessage(errors.get("to"));
            return;
        }
        client.setInvalid(false);
        to.setInvalid(false);
        shown = filter;
        grid.setEmptyStateText(getTranslation(filter.equals(AuditViewer.Filter.none()) ? "audit.empty.none" : "audit.empty.filtered"));
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.name");
    }
}
