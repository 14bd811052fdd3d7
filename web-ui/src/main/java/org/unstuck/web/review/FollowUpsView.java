package org.unstuck.web.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.unstuck.domain.review.DecisionOutcome;
import org.unstuck.domain.review.FollowUpReview;
import org.unstuck.web.common.DecisionWording;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.common.Labels;
import org.unstuck.web.common.ReportPeriod;
import org.unstuck.web.common.StatusBadge;
import org.unstuck.web.common.Texts;

/**
 * Decisions due for follow-up, each saying what was decided, judged on the status in force on its
 * follow-up date and showing where the case stands now, with a declined referral's reason; each
 * row records the follow-up decision or marks the follow-up reviewed with no change. And, across the practice, which decisions and approaches get
 * flagged cases moving, against the practice's base rate, with how many cases each figure rests on.
 */
@Route("follow-ups")
@RolesAllowed("SUPERVISOR")
public class FollowUpsView extends Main implements HasDynamicTitle {

    private final FollowUpService followUps;
    private final DecisionService decisions;
    private final Grid<FollowUpService.FollowUpRow> due = new Grid<>();

    FollowUpsView(FollowUpService followUps, DecisionService decisions, Clock clock) {
        this.followUps = followUps;
        this.decisions = decisions;
        addClassName("page");
        setId("follow-ups-view");
        due.setId("follow-ups-grid");
        due.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        due.addComponentColumn(this::theCase).setHeader(getTranslation("follow-ups.case")).setWidth("6rem").setFlexGrow(1);
        due.addComponentColumn(this::decided).setHeader(getTranslation("follow-ups.decision")).setWidth("9rem").setFlexGrow(2);
        due.addComponentColumn(this::moved).setHeader(getTranslation("follow-ups.moved")).setWidth("9rem").setFlexGrow(2);
        due.addComponentColumn(this::actions).setHeader(getTranslation("follow-ups.actions")).setWidth("15rem").setFlexGrow(0);
        showDue();
        // A year of follow-ups would push what works far down the page: the newest show, the rest scroll.
        due.setHeight("32rem");
        due.setEmptyStateText(getTranslation("follow-ups.empty"));

        var works = new WhatWorksPanel("what-works", true, getTranslation("what-works.empty"));
        works.show(followUps.whatWorks(ReportPeriod.lastYear(LocalDate.now(clock))));

        var reports = new Anchor("reports", getTranslation("follow-ups.reports"));
        reports.setId("follow-ups-reports");
        add(new H2(getTranslation("follow-ups.title")), new Paragraph(getTranslation("follow-ups.intro")), reports, due,
                new H3(getTranslation("what-works.title")), new Paragraph(getTranslation("what-works.intro")), works);
    }

    /** The status at the decision and on the follow-up date, the verdict with the score change by then, and the status now. */
    private void showDue() {
        due.setItems(followUps.ofMyTeam());
    }

    private Div theCase(FollowUpService.FollowUpRow row) {
        var client = new Anchor("cases/" + row.caseId(), row.clientCode());
        var therapist = new Span(row.therapist());
        therapist.addClassName("follow-up-detail");
        var cell = new Div(client, therapist);
        cell.addClassName("follow-up-case");
        return cell;
    }

    /** What was decided, when it is due, and a declined referral's reason. */
    private Div decided(FollowUpService.FollowUpRow row) {
        var decision = row.decision();
        var what = new Span(DecisionWording.what(Texts.of(this), decision.details(), person -> row.colleague()));
        what.addClassName("follow-up-what");
        var dueOn = new Span(getTranslation("follow-ups.due-on", Labels.date(decision.followUpOn())));
        dueOn.addClassName("follow-up-detail");
        var cell = new Div(what, dueOn);
        var declined = row.declined();
        if (declined != null) {
            var line = new Span(getTranslation("decision.referral.declined", declined.colleague(), Labels.date(declined.on()),
                    declined.reason()));
            line.addClassName("follow-up-declined");
            cell.add(line);
        }
        cell.addClassName("follow-up-case");
        return cell;
    }

    private Div actions(FollowUpService.FollowUpRow row) {
        var cell = new Div();
        cell.addClassName("follow-up-actions");
        var review = row.review();
        if (review != null) {
            var answering = row.answering();
            var how = new Span(answering != null
                    ? getTranslation("decision.answered-by", DecisionWording.what(Texts.of(this), answering.details(),
                            person -> row.answeringColleague()), Labels.date(review.reviewedOn()))
                    : review.note() == null ? getTranslation("decision.reviewed", Labels.date(review.reviewedOn()))
                    : getTranslation("decision.reviewed-note", Labels.date(review.reviewedOn()), review.note()));
            how.addClassName("follow-up-answered");
            cell.add(how);
            return cell;
        }
        var number = row.decision().id().value();
        if (row.caseOpen()) {
            var decide = new Button(getTranslation("follow-ups.record-decision"), click -> new DecisionDialog(row.caseId(),
                    row.approach(), row.decision().reasons(), decisions, this::showDue).open());
            decide.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            decide.setId("follow-up-decide-" + number);
            cell.add(decide);
        }
        var reviewed = new Button(getTranslation("follow-ups.mark-reviewed"), click -> markReviewed(row));
        reviewed.addThemeVariants(ButtonVariant.LUMO_SMALL);
        reviewed.setId("follow-up-reviewed-" + number);
        cell.add(reviewed);
        return cell;
    }

    /** Asks first, with room for a short note; the follow-up leaves the list only once confirmed. */
    private void markReviewed(FollowUpService.FollowUpRow row) {
        var what = DecisionWording.what(Texts.of(this), row.decision().details(), person -> row.colleague());
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("follow-ups.review.title"));
        dialog.setWidth("30rem");
        dialog.setMaxWidth("calc(100vw - 1rem)");
        var note = new TextArea(getTranslation("follow-ups.review.note"));
        note.setMaxLength(FollowUpReview.MAX_NOTE);
        note.setHelperText(getTranslation("follow-ups.review.note.help", FollowUpReview.MAX_NOTE));
        note.setWidthFull();
        note.setId("follow-up-review-note");
        dialog.add(new Paragraph(getTranslation("follow-ups.review.about", what, row.clientCode())), note);
        var confirm = new Button(getTranslation("follow-ups.review.confirm"), click -> {
            try {
                followUps.markReviewed(row.decision().id().value(), note.getValue());
                dialog.close();
                Notification.show(getTranslation("follow-ups.review.saved", what, row.clientCode()), 6000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                showDue();
            } catch (InvalidEntryException refused) {
                note.setErrorMessage(refused.fieldErrors().get("note"));
                note.setInvalid(true);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("follow-up-review-confirm");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    private Div moved(FollowUpService.FollowUpRow row) {
        var outcome = row.outcome();
        if (outcome == null) {
            var before = new Span(getTranslation("follow-ups.not-yet", Labels.date(row.decision().followUpOn())));
            var cell = new Div(new StatusBadge(row.decision().statusAtDecision()), before);
            cell.addClassName("follow-up-case");
            return cell;
        }
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
