package org.unstuck.web.review;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.unstuck.domain.review.DecisionOutcome;
import org.unstuck.web.common.Labels;
import org.unstuck.web.common.ReportPeriod;
import org.unstuck.web.common.StatusBadge;

/**
 * Decisions due for follow-up, each judged on the status in force on its follow-up date and
 * showing where the case stands now; and, across the practice, which decisions and approaches get
 * flagged cases moving, against the practice's base rate, with how many cases each figure rests on.
 */
@Route("follow-ups")
@RolesAllowed("SUPERVISOR")
public class FollowUpsView extends Main implements HasDynamicTitle {

    FollowUpsView(FollowUpService followUps, Clock clock) {
        addClassName("page");
        setId("follow-ups-view");
        var due = new Grid<FollowUpService.FollowUpRow>();
        due.setId("follow-ups-grid");
        due.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        due.addComponentColumn(row -> lines(row.clientCode(), row.therapist()))
                .setHeader(getTranslation("follow-ups.case")).setWidth("6rem").setFlexGrow(1);
        due.addComponentColumn(row -> lines(getTranslation("decision.type." + row.decision().type().name()),
                        getTranslation("follow-ups.due-on", Labels.date(row.decision().followUpOn()))))
                .setHeader(getTranslation("follow-ups.decision")).setWidth("7rem").setFlexGrow(1);
        due.addComponentColumn(this::moved).setHeader(getTranslation("follow-ups.moved")).setWidth("9rem").setFlexGrow(2);
        due.setItems(followUps.dueForMyTeam());
        // A year of follow-ups would push what works far down the page: the newest show, the rest scroll.
        due.setHeight("32rem");
        due.setEmptyStateText(getTranslation("follow-ups.empty"));
        due.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("cases/" + click.getItem().caseId())));

        var works = new WhatWorksPanel("what-works", true, getTranslation("what-works.empty"));
        works.show(followUps.whatWorks(ReportPeriod.lastYear(LocalDate.now(clock))));

        var reports = new Anchor("reports", getTranslation("follow-ups.reports"));
        reports.setId("follow-ups-reports");
        add(new H2(getTranslation("follow-ups.title")), new Paragraph(getTranslation("follow-ups.intro")), reports, due,
                new H3(getTranslation("what-works.title")), new Paragraph(getTranslation("what-works.intro")), works);
    }

    /** The status at the decision and on the follow-up date, the verdict with the score change by then, and the status now. */
    private Div moved(FollowUpService.FollowUpRow row) {
        var outcome = row.outcome();
        var atFollowUp = outcome.atFollowUp();
        var change = new HorizontalLayout(new StatusBadge(outcome.before()), new Span("→"),
                atFollowUp == null ? new Span("–") : new StatusBadge(atFollowUp));
        change.setSpacing(false);
        change.addClassName("status-change");
        change.addClassName("stacked");
        var verdict = new Span(verdict(outcome));
        verdict.addClassName("verdict-" + outcome.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        var now = new Span(row.caseOpen() ? now(outcome) : getTranslation("follow-ups.now-closed"));
        now.addClassName("follow-up-now");
        var cell = new Div(change, verdict, now);
        cell.addClassName("follow-up-case");
        return cell;
    }

    private static Div lines(String first, String second) {
        var detail = new Span(second);
        detail.addClassName("follow-up-detail");
        var cell = new Div(new Span(first), detail);
        cell.addClassName("follow-up-case");
        return cell;
    }

    /** "Unchanged at follow-up, better by 3": the verdict on the follow-up date and the score change by then. */
    private String verdict(DecisionOutcome outcome) {
        var status = getTranslation("follow-ups.verdict." + outcome.verdict().name());
        var change = outcome.scoreImprovement();
        return change == null ? status : getTranslation("follow-ups.verdict-change", status, Labels.scoreChange(this, change));
    }

    /** "Now on track since 12 Jan 2027": the current status and the day it began. */
    private String now(DecisionOutcome outcome) {
        var status = getTranslation("status." + outcome.now().name());
        return outcome.nowSince() == null ? getTranslation("follow-ups.now", status)
                : getTranslation("follow-ups.now-since", status, Labels.date(outcome.nowSince()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("follow-ups.title") + " · " + getTranslation("app.name");
    }
}
