package org.unstuck.web.caseload;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.persistence.board.BoardFilter;
import org.unstuck.persistence.board.CaseRow;
import org.unstuck.web.common.Labels;
import org.unstuck.web.common.StatusBadge;
import org.unstuck.web.review.ReferralService;
import org.unstuck.web.review.ReferralsPanel;

/** The therapist's own cases, most severe first, each with its status and the reason in one sentence. */
@Route("caseload")
@RolesAllowed("THERAPIST")
public class CaseloadView extends Main implements HasDynamicTitle {

    private final Grid<CaseRow> grid = new Grid<>(CaseRow.class, false);
    private final ComboBox<CaseStatus> status = new ComboBox<>();
    private final ComboBox<StallReason> reason = new ComboBox<>();
    private final Checkbox closed = new Checkbox();
    private final Instant now;

    CaseloadView(CaseloadService caseload, ReferralService referrals) {
        now = caseload.now();
        addClassName("page");
        setId("caseload-view");
        var openCase = new Button(getTranslation("caseload.open-case"), VaadinIcon.PLUS.create(),
                click -> new OpenCaseDialog(caseload, id -> getUI().ifPresent(ui -> ui.navigate(CaseView.class,
                        new RouteParameters("caseId", Long.toString(id))))).open());
        openCase.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        openCase.setId("open-case");
        var heading = new HorizontalLayout(new H2(getTranslation("caseload.title")), openCase);
        heading.setWidthFull();
        heading.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        heading.setAlignItems(FlexComponent.Alignment.CENTER);
        heading.addClassName("wrap-row");

        status.setLabel(getTranslation("caseload.filter.status"));
        status.setItems(CaseStatus.values());
        status.setItemLabelGenerator(value -> getTranslation("status." + value.name()));
        status.setClearButtonVisible(true);
        status.setId("status-filter");
        reason.setLabel(getTranslation("caseload.filter.reason"));
        reason.setItems(StallReason.signalled());
        reason.setItemLabelGenerator(value -> getTranslation("reason." + value.name()));
        reason.setClearButtonVisible(true);
        reason.setId("reason-filter");
        closed.setLabel(getTranslation("caseload.filter.closed"));
        closed.setId("show-closed");
        var filters = new HorizontalLayout(status, reason, closed);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("wrap-row");

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setId("caseload-grid");
        grid.addComponentColumn(row -> twoLines(row.clientCode(), row.approach()))
                .setHeader(getTranslation("caseload.client")).setWidth("9rem").setFlexGrow(0);
        // Auto width measures the first rows only; a closed case's two badges need the room of the widest.
        grid.addComponentColumn(this::status).setHeader(getTranslation("caseload.status"))
                .setWidth("9.5rem").setFlexGrow(0);
        grid.addColumn(row -> row.topReason() == null ? "" : getTranslation("reason." + row.topReason().name()))
                .setHeader(getTranslation("caseload.reason")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(row -> {
            var sentence = new Span(row.topSentence() == null ? "" : row.topSentence());
            sentence.addClassName("signal-sentence");
            return sentence;
        }).setHeader(getTranslation("caseload.why")).setWidth("16rem").setFlexGrow(1);
        grid.addColumn(this::latestScore).setHeader(getTranslation("caseload.latest-score")).setWidth("9rem").setFlexGrow(0);
        grid.addComponentColumn(row -> twoLines(Integer.toString(row.sessionsHeld()),
                        row.lastSessionOn() == null ? "" : getTranslation("caseload.last-on", Labels.date(row.lastSessionOn()))))
                .setHeader(getTranslation("caseload.sessions")).setWidth("8rem").setFlexGrow(0);
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(CaseView.class,
                new RouteParameters("caseId", Long.toString(click.getItem().caseId())))));
        grid.setItems(query -> caseload.myCases(filter(), closed.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> caseload.countMyCases(filter(), closed.getValue()));
        grid.setSizeFull();
        grid.setEmptyStateText(getTranslation("caseload.empty"));

        status.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        reason.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        closed.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        var legend = new Div(new Span(getTranslation("caseload.legend")));
        legend.addClassName("legend");
        add(heading, legend);
        var waiting = referrals.waitingForMe();
        if (!waiting.isEmpty()) {
            add(new ReferralsPanel(waiting, referrals, () -> getUI().ifPresent(ui -> ui.getPage().reload())));
        }
        add(filters, grid);
        addClassName("full-height");
    }

    /** "PHQ-9 12, better by 6". */
    /** A cell of a main value with a quieter second line under it. */
    private static Div twoLines(String main, String second) {
        var below = new Span(second);
        below.addClassName("legend");
        var cell = new Div(new Span(main), below);
        cell.addClassName("two-lines");
        return cell;
    }

    /** A closed case says so first, then the status it ended with. */
    private Component status(CaseRow row) {
        if (row.open()) {
            return StatusBadge.of(row, now);
        }
        var closedBadge = new Span(getTranslation("caseload.closed"));
        closedBadge.addClassNames("status-badge", "status-closed");
        var cell = new Div(closedBadge, new StatusBadge(row.status()));
        cell.addClassName("two-lines");
        return cell;
    }

    private String latestScore(CaseRow row) {
        if (row.latestPrimary() == null) {
            return row.measureCode() + " –";
        }
        var improvement = row.primaryImprovement() == null ? 0 : row.primaryImprovement();
        return row.measureCode() + " " + Labels.score(row.latestPrimary()) + ", " + Labels.scoreChange(this, improvement);
    }

    private BoardFilter filter() {
        return new BoardFilter(null, reason.getValue(), status.getValue());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("caseload.title") + " · " + getTranslation("app.name");
    }
}
