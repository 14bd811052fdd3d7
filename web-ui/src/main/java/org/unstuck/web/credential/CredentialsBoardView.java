package org.unstuck.web.credential;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.Comparator;
import java.util.List;
import org.unstuck.domain.credential.ComplianceStatus;
import org.unstuck.domain.credential.CredentialType;
import org.unstuck.domain.credential.RequirementStatus;
import org.unstuck.domain.measure.Scores;
import org.unstuck.persistence.board.TherapistOverviewRow;
import org.unstuck.web.common.Texts;

/**
 * Every therapist with one status per required credential and CPD, worst first; filter by status
 * or by "ends in the next N days". Caseload counts only: nothing clinical.
 */
@Route("credentials")
@RolesAllowed("PRACTICE_MANAGER")
public class CredentialsBoardView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final CredentialService credentials;
    private final Grid<TherapistOverviewRow> grid = new Grid<>(TherapistOverviewRow.class, false);
    private final ComboBox<ComplianceStatus> status = new ComboBox<>();
    private final IntegerField within = new IntegerField();

    CredentialsBoardView(CredentialService credentials) {
        this.credentials = credentials;
        addClassNames("page", "full-height");
        setId("credentials-board");

        status.setLabel(getTranslation("credentials.filter.status"));
        status.setItems(ComplianceStatus.values());
        status.setItemLabelGenerator(value -> getTranslation("compliance." + value.name()));
        status.setClearButtonVisible(true);
        status.setId("compliance-filter");
        within.setLabel(getTranslation("credentials.filter.within"));
        within.setMin(1);
        within.setMax(365);
        within.setClearButtonVisible(true);
        within.setId("within-filter");
        var filters = new HorizontalLayout(status, within);
        filters.addClassName("wrap-row");
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("credentials-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        var name = grid.addColumn(TherapistOverviewRow::displayName).setHeader(getTranslation("people.name"))
                .setKey("name").setSortable(true).setComparator(TherapistOverviewRow::displayName).setAutoWidth(true);
        var worst = grid.addComponentColumn(row -> new ComplianceBadge(row.compliance().overall(), ""))
                .setHeader(getTranslation("credentials.overall")).setKey("overall").setSortable(true)
                .setComparator(Comparator.comparing((TherapistOverviewRow row) -> row.compliance().overall()))
                .setAutoWidth(true);
        for (CredentialType type : credentials.policy().value().required().stream().sorted().toList()) {
            grid.addComponentColumn(row -> row.compliance().requirement(type)
                            .map(requirement -> new ComplianceBadge(requirement.status(), detail(requirement)))
                            .orElseGet(() -> new ComplianceBadge(ComplianceStatus.MISSING, "")))
                    .setHeader(getTranslation("credential.type." + type.name())).setKey(type.name()).setAutoWidth(true)
                    .setSortable(true)
                    .setComparator(Comparator.comparing((TherapistOverviewRow row) -> row.compliance().requirement(type)
                            .map(RequirementStatus::status).orElse(ComplianceStatus.MISSING)));
        }
        grid.addComponentColumn(row -> new ComplianceBadge(row.compliance().cpd().status(), getTranslation("credentials.cpd.hours",
                        Scores.format(row.compliance().cpd().hoursDone()), Scores.format(row.compliance().cpd().hoursRequired()))))
                .setHeader(getTranslation("credentials.cpd")).setAutoWidth(true);
        grid.addColumn(TherapistOverviewRow::openCases).setHeader(getTranslation("credentials.open-cases")).setAutoWidth(true);
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("credentials/" + click.getItem().username())));
        grid.setEmptyStateText(getTranslation("credentials.empty"));
        grid.setItems(query -> credentials.boardPage(filter(), order(query.getSortOrders()), query.getOffset(),
                query.getLimit()).stream(), query -> credentials.boardSize(filter()));
        grid.sort(List.of(new GridSortOrder<>(worst, SortDirection.DESCENDING), new GridSortOrder<>(name, SortDirection.ASCENDING)));

        status.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        within.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        var legend = new Span(getTranslation("credentials.legend"));
        legend.addClassName("legend");
        var words = Texts.of(this).reports();
        var pdf = new Anchor(DownloadHandler.fromInputStream(event -> download(credentials.complianceReport().toPdf(words),
                "credential-compliance.pdf", "application/pdf")), getTranslation("credentials.download.pdf"));
        pdf.setId("download-compliance-pdf");
        var csv = new Anchor(DownloadHandler.fromInputStream(event -> download(credentials.complianceReport().toCsv(),
                "credential-compliance.csv", "text/csv")), getTranslation("credentials.download.csv"));
        csv.setId("download-compliance-csv");
        var downloads = new HorizontalLayout(pdf, csv);
        downloads.addClassName("wrap-row");
        add(new H2(getTranslation("credentials.title")), legend, downloads, filters, grid);
    }

    private static DownloadResponse download(byte[] content, String fileName, String contentType) {
        return new DownloadResponse(new ByteArrayInputStream(content), fileName, contentType, content.length);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("within").filter(value -> value.matches("\\d{1,3}"))
                .map(Integer::parseInt).ifPresent(within::setValue);
    }

    private CredentialService.BoardFilter filter() {
        return new CredentialService.BoardFilter(status.getValue(), within.getValue());
    }

    /** The grid's sort order as one comparator, built from the columns' own comparators. */
    private Comparator<TherapistOverviewRow> order(List<QuerySortOrder> sortOrders) {
        Comparator<TherapistOverviewRow> order = Comparator.comparing(TherapistOverviewRow::displayName);
        for (var sort : sortOrders.reversed()) {
            var column = grid.getColumnByKey(sort.getSorted());
            if (column == null) {
                continue;
            }
            var byColumn = column.getComparator(sort.getDirection());
            order = byColumn.thenComparing(order);
        }
        return order;
    }

    private String detail(RequirementStatus requirement) {
        return switch (requirement.status()) {
            case EXPIRING -> getTranslation("credentials.days-left", requirement.daysLeft());
            case EXPIRED -> requirement.validTo() == null ? "" : getTranslation("credentials.ended", requirement.validTo().toString());
            default -> "";
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("credentials.title") + " · " + getTranslation("app.name");
    }
}
