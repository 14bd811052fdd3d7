package org.unstuck.web.review;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.unstuck.domain.measure.Scores;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.persistence.board.BoardFilter;
import org.unstuck.persistence.board.CaseRow;
import org.unstuck.web.common.Labels;
import org.unstuck.web.common.StatusBadge;
import org.unstuck.web.practice.PersonRow;

/** The supervisor's supervisees' open cases, most severe first, with the reason in plain words. */
@Route("review")
@RolesAllowed("SUPERVISOR")
public class ReviewBoardView extends Main implements HasDynamicTitle {

    private final ReviewBoardService board;
    private final ComboBox<PersonRow> therapist = new ComboBox<>();
    private final ComboBox<StallReason> reason = new ComboBox<>();
    private final ComboBox<CaseStatus> status = new ComboBox<>();
    private final Div counts = new Div();
    private final Grid<CaseRow> grid = new Grid<>(CaseRow.class, false);

    ReviewBoardView(ReviewBoardService board) {
        this.board = board;
        addClassNames("page", "full-height");
        setId("review-board");

        therapist.setLabel(getTranslation("board.filter.therapist"));
        therapist.setItems(board.supervisees());
        therapist.setItemLabelGenerator(PersonRow::displayName);
        therapist.setClearButtonVisible(true);
        therapist.setId("therapist-filter");
        reason.setLabel(getTranslation("caseload.filter.reason"));
        reason.setItems(StallReason.values());
        reason.setItemLabelGenerator(value -> getTranslation("reason." + value.name()));
        reason.setClearButtonVisible(true);
        reason.setId("reason-filter");
        status.setLabel(getTranslation("caseload.filter.status"));
        status.setItems(CaseStatus.values());
        status.setItemLabelGenerator(value -> getTranslation("status." + value.name()));
        status.setClearButtonVisible(true);
        status.setId("status-filter");
        var filters = new HorizontalLayout(therapist, reason, status);
        filters.addClassName("wrap-row");
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        counts.addClassName("reason-counts");
        counts.setId("reason-counts");
        showCounts();

        grid.setId("board-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(CaseRow::clientCode).setHeader(getTranslation("caseload.client")).setWidth("7rem").setFlexGrow(0);
        grid.addColumn(CaseRow::therapistName).setHeader(getTranslation("board.therapist")).setWidth("10rem").setFlexGrow(0);
        grid.addComponentColumn(row -> new StatusBadge(row.status())).setHeader(getTranslation("caseload.status"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> row.topReason() == null ? "" : getTranslation("reason." + row.topReason().name()))
                .setHeader(getTranslation("caseload.reason")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> row.topSentence() == null ? "" : row.topSentence())
                .setHeader(getTranslation("caseload.why")).setWidth("22rem").setFlexGrow(1);
        grid.addColumn(CaseRow::sessionsHeld).setHeader(getTranslation("caseload.sessions")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> Labels.date(row.lastSessionOn()))
                .setHeader(getTranslation("caseload.last-session")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> row.followUpsDue() == 0 ? "" : getTranslation("board.follow-ups-due", row.followUpsDue()))
                .setHeader(getTranslation("board.follow-ups")).setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("cases/" + click.getItem().caseId())));
        grid.setItems(query -> board.page(filter(), query.getOffset(), query.getLimit()).stream(),
                query -> board.size(filter()));
        grid.setEmptyStateText(getTranslation("board.empty"));

        therapist.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        reason.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        status.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        var legend = new Span(getTranslation("board.legend"));
        legend.addClassName("legend");
        add(new H2(getTranslation("board.title")), legend, counts, filters, grid);
    }

    private void showCounts() {
        counts.removeAll();
        var perReason = board.casesPerReason();
        for (var each : StallReason.values()) {
            var count = perReason.getOrDefault(each, 0);
            var chip = new Span(getTranslation("reason." + each.name()) + " " + Scores.format(count));
            chip.addClassName("reason-chip");
            if (count == 0) {
                chip.addClassName("reason-chip-none");
            }
            counts.add(chip);
        }
    }

    private BoardFilter filter() {
        var chosen = therapist.getValue();
        return new BoardFilter(chosen == null ? null : board.superviseeId(chosen.username()), reason.getValue(),
                status.getValue());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("board.title") + " · " + getTranslation("app.name");
    }
}
