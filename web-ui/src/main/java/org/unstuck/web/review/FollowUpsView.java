package org.unstuck.web.review;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.util.Locale;
import org.unstuck.domain.review.DecisionOutcome;
import org.unstuck.domain.review.WhatWorks;
import org.unstuck.web.common.Labels;
import org.unstuck.web.common.StatusBadge;

/**
 * Decisions due for follow-up, each saying whether the case moved since; and, across the
 * practice, which decisions and approaches get stalled cases moving, with how many cases each
 * figure rests on.
 */
@Route("follow-ups")
@RolesAllowed("SUPERVISOR")
public class FollowUpsView extends Main implements HasDynamicTitle {

    FollowUpsView(FollowUpService followUps) {
        addClassName("page");
        setId("follow-ups-view");
        var due = new Grid<FollowUpService.FollowUpRow>();
        due.setId("follow-ups-grid");
        due.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        due.addColumn(FollowUpService.FollowUpRow::clientCode).setHeader(getTranslation("caseload.client")).setWidth("6rem")
                .setFlexGrow(0);
        due.addColumn(FollowUpService.FollowUpRow::therapist).setHeader(getTranslation("board.therapist")).setAutoWidth(true);
        due.addColumn(row -> getTranslation("decision.type." + row.decision().type().name()))
                .setHeader(getTranslation("follow-ups.decision")).setAutoWidth(true);
        due.addColumn(row -> Labels.date(row.decision().followUpOn())).setHeader(getTranslation("follow-ups.due"))
                .setAutoWidth(true);
        due.addComponentColumn(row -> {
            var change = new HorizontalLayout(new StatusBadge(row.outcome().before()), new Span("→"),
                    new StatusBadge(row.outcome().now()));
            change.setSpacing(false);
            change.addClassName("status-change");
            return change;
        }).setHeader(getTranslation("follow-ups.status")).setAutoWidth(true);
        due.addComponentColumn(row -> {
            var verdict = new Span(verdict(row.outcome()));
            verdict.addClassName("verdict-" + row.outcome().verdict().name().toLowerCase(Locale.ROOT));
            return verdict;
        }).setHeader(getTranslation("follow-ups.moved")).setWidth("10rem").setFlexGrow(1);
        due.setItems(followUps.dueForMyTeam());
        due.setAllRowsVisible(true);
        due.setEmptyStateText(getTranslation("follow-ups.empty"));
        due.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("cases/" + click.getItem().caseId())));

        var works = new Grid<WhatWorks.Row>();
        works.setId("what-works-grid");
        works.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        var percent = NumberFormat.getPercentInstance(getLocale());
        works.addColumn(row -> getTranslation("decision.type." + row.type().name())).setHeader(getTranslation("follow-ups.decision"))
                .setAutoWidth(true);
        works.addColumn(row -> row.approach().name()).setHeader(getTranslation("caseload.approach")).setAutoWidth(true);
        works.addColumn(WhatWorks.Row::cases).setHeader(getTranslation("what-works.cases")).setAutoWidth(true);
        works.addColumn(WhatWorks.Row::improved).setHeader(getTranslation("what-works.improved")).setAutoWidth(true);
        works.addColumn(row -> percent.format(row.shareImproved())).setHeader(getTranslation("what-works.share"))
                .setAutoWidth(true);
        works.setItems(followUps.whatWorks());
        works.setAllRowsVisible(true);
        works.setEmptyStateText(getTranslation("what-works.empty"));

        var reports = new Anchor("reports", getTranslation("follow-ups.reports"));
        reports.setId("follow-ups-reports");
        add(new H2(getTranslation("follow-ups.title")), new Paragraph(getTranslation("follow-ups.intro")), reports, due,
                new H3(getTranslation("what-works.title")), new Paragraph(getTranslation("what-works.intro")), works);
    }

    private String verdict(DecisionOutcome outcome) {
        var status = getTranslation("follow-ups.verdict." + outcome.verdict().name());
        var change = outcome.scoreImprovement();
        return change == null ? status : status + ", " + Labels.scoreChange(this, change);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("follow-ups.title") + " · " + getTranslation("app.name");
    }
}
