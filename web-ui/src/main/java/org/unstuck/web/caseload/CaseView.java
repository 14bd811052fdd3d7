package org.unstuck.web.caseload;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.ClosingReason;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.caseload.RecordedSession;
import org.unstuck.domain.measure.Measure;
import org.unstuck.domain.measure.Score;
import org.unstuck.domain.measure.Scores;
import org.unstuck.domain.notes.ReflectiveNote;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.Signal;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionId;
import org.unstuck.domain.review.Referral;
import org.unstuck.reports.chart.TrajectoryChart;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.common.CaseNotFoundException;
import org.unstuck.web.common.DecisionWording;
import org.unstuck.web.common.Labels;
import org.unstuck.web.common.StatusBadge;
import org.unstuck.web.common.Texts;
import org.unstuck.web.review.DecisionDialog;
import org.unstuck.web.review.RiskAnswerDialog;
import org.unstuck.web.review.DecisionService;
import org.unstuck.web.security.CurrentActor;

/**
 * One case: who and what, its status and every signal with its reason, the outcome and alliance
 * charts, its sessions, decisions and — for the therapist and their supervisors — reflective notes.
 */
@Route("cases/:caseId")
@RolesAllowed({"THERAPIST", "SUPERVISOR"})
public class CaseView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final CaseloadService caseload;
    private final CurrentActor currentActor;
    private final DecisionService decisionService;
    private final AuditRecorder audit;
    private long caseId;
    private String title = "";

    CaseView(CaseloadService caseload, CurrentActor currentActor, DecisionService decisionService, AuditRecorder audit) {
        this.audit = audit;
        this.caseload = caseload;
        this.currentActor = currentActor;
        this.decisionService = decisionService;
        addClassNames("page", "case-view");
        setId("case-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameter = event.getRouteParameters().get("caseId").orElse("");
        if (!parameter.matches("\\d{1,18}")) {
            audit.refusedAddress("case.read", "cases/" + parameter);
            event.rerouteToError(NotFoundException.class, getTranslation("case.not-found"));
            return;
        }
        caseId = Long.parseLong(parameter);
        try {
            show(caseload.casePage(caseId));
        } catch (CaseNotFoundException notFound) {
            event.rerouteToError(NotFoundException.class, getTranslation("case.not-found"));
        }
    }

    private void refresh() {
        show(caseload.casePage(caseId));
    }

    private void show(CaseDetail detail) {
        removeAll();
        var theCase = detail.theCase();
        title = theCase.client().value();
        var status = detail.progress() == null ? CaseStatus.INSUFFICIENT_DATA : detail.progress().status();

        var heading = new HorizontalLayout(new H2(getTranslation("case.heading", theCase.client().value())),
                new StatusBadge(status));
        heading.setAlignItems(HorizontalLayout.Alignment.CENTER);
        heading.addClassName("wrap-row");
        heading.add(CaseAccessView.link(this, caseId));
        var actions = new HorizontalLayout();
        actions.addClassName("wrap-row");
        if (detail.mayRecord()) {
            var record = new Button(getTranslation("case.record-session"), VaadinIcon.PLUS.create(),
                    click -> recordSession(detail, null));
            record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            record.setId("record-session");
            actions.add(record);
        }
        if (detail.mayWriteNotes()) {
            var write = new Button(getTranslation("case.write-note"), VaadinIcon.EDIT.create(),
                    click -> new NoteDialog(caseId, title, null, caseload, this::refresh).open());
            write.setId("write-note");
            actions.add(write);
        }
        if (detail.mayDecide()) {
            var reasons = detail.progress() == null ? Set.<StallReason>of() : detail.progress().topSignal()
                    .map(signal -> Set.of(signal.reason())).orElse(Set.of());
            var decide = new Button(getTranslation("case.record-decision"), VaadinIcon.GAVEL.create(),
                    click -> new DecisionDialog(caseId, theCase.approach().name(), reasons, decisionService, this::refresh).open());
            decide.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            decide.setId("record-decision");
            actions.add(decide);
        }
        if (detail.mayClose()) {
            var closeCase = new Button(getTranslation("case.close"), VaadinIcon.CHECK_CIRCLE_O.create(),
                    click -> new CloseCaseDialog(caseId, title, null, caseload, this::refresh).open());
            closeCase.setId("close-case");
            actions.add(closeCase);
        }
        var top = new HorizontalLayout(heading, actions);
        top.setWidthFull();
        top.setJustifyContentMode(HorizontalLayout.JustifyContentMode.BETWEEN);
        top.setAlignItems(HorizontalLayout.Alignment.CENTER);
        top.addClassName("wrap-row");

        var facts = new Paragraph(getTranslation("case.facts", theCase.presentingProblem(), theCase.approach().name(),
                theCase.primaryMeasure().code().value(), detail.therapistName(), Labels.date(theCase.opened())));
        facts.addClassName("case-facts");
        var closing = theCase.closed() == null || theCase.closingReason() == null ? null
                : new Paragraph(getTranslation("case.closed-on", Labels.date(theCase.closed()),
                        getTranslation("closing." + theCase.closingReason().name())));
        if (closing != null) {
            closing.addClassName("case-closed");
            closing.setId("case-closed");
        }
        var plannedEnding = detail.plannedEndingOn() == null || !detail.mayClose() ? null : plannedEndingPrompt(detail);
        if (detail.emergencyReason() != null) {
            var emergency = new Paragraph(getTranslation("case.emergency", detail.emergencyReason()));
            emergency.addClassName("emergency-banner");
            emergency.setId("emergency-banner");
            add(emergency);
        }
        add(top, facts);
        if (!detail.openRiskAlerts().isEmpty()) {
            add(riskAlerts(detail));
        }
        if (closing != null) {
            add(closing);
        }
        if (plannedEnding != null) {
            add(plannedEnding);
        }
        add(signals(detail), charts(detail), sessions(detail), decisions(detail));
        if (detail.mayWriteNotes() || !detail.notes().isEmpty()) {
            add(notes(detail));
        }
    }

    /** The open risk alerts above everything else, with the way to answer them for those who may. */
    private Component riskAlerts(CaseDetail detail) {
        var box = new Div();
        box.addClassName("risk-alert");
        box.setId("risk-alert");
        var heading = new H3(getTranslation(detail.riskOverdue() ? "case.risk.heading.overdue" : "case.risk.heading"));
        if (detail.riskOverdue()) {
            heading.addClassName("risk-overdue");
        }
        var list = new UnorderedList();
        for (var alert : detail.openRiskAlerts()) {
            list.add(new ListItem(getTranslation("case.risk.alert", alert.measure().value(), alert.item(), alert.label(),
                    alert.score(), Labels.date(alert.sessionDate()),
                    Labels.dateTime(alert.raisedAt(), caseload.zone(), getLocale()))));
        }
        box.add(heading, list);
        if (detail.mayAnswerRisk()) {
            var answer = new Button(getTranslation("case.risk.answer"), VaadinIcon.SHIELD.create(),
                    click -> new RiskAnswerDialog(caseId, title, decisionService, this::refresh).open());
            answer.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
            answer.setId("answer-risk");
            box.add(answer);
        } else {
            box.add(new Paragraph(getTranslation("case.risk.who-answers")));
        }
        return box;
    }

    /** "PHQ-9 14 (items 2 2 1 2 1 1 2 1 2)", the items shown where they were given. */
    private String scoreText(Score score) {
        var total = score.code() + " " + Scores.format(score.value());
        return score.items().isEmpty() ? total : getTranslation("session.score.items", total,
                score.items().stream().map(String::valueOf).collect(Collectors.joining(" ")));
    }

    private void recordSession(CaseDetail detail, @Nullable LocalDate day) {
        new RecordSessionDialog(caseId, title, measuresOf(detail), day, caseload, this::refresh).open();
    }

    /** After a planned ending was decided, the way to carry it out: the closing dialog with that reason chosen. */
    private Component plannedEndingPrompt(CaseDetail detail) {
        var prompt = new Div(new Span(getTranslation("case.planned-ending", Labels.date(detail.plannedEndingOn()))));
        var closeNow = new Button(getTranslation("case.planned-ending.close"), click -> new CloseCaseDialog(caseId, title,
                ClosingReason.PLANNED_ENDING_COMPLETED, caseload, this::refresh).open());
        closeNow.addThemeVariants(ButtonVariant.LUMO_SMALL);
        closeNow.setId("planned-ending-close");
        prompt.add(closeNow);
        prompt.addClassNames("planned-ending-prompt", "wrap-row");
        prompt.setId("planned-ending-prompt");
        return prompt;
    }

    private static List<Measure> measuresOf(CaseDetail detail) {
        var theCase = detail.theCase();
        return theCase.allianceMeasure() == null ? List.of(theCase.primaryMeasure())
                : List.of(theCase.primaryMeasure(), theCase.allianceMeasure());
    }

    private Component signals(CaseDetail detail) {
        var section = section("case.signals");
        section.setId("case-signals");
        var signals = detail.progress() == null ? List.<Signal>of() : detail.progress().signals();
        if (signals.isEmpty()) {
            section.add(new Paragraph(getTranslation(detail.progress() == null
                    || detail.progress().status() == CaseStatus.INSUFFICIENT_DATA ? "case.signals.insufficient" : "case.signals.none")));
            return section;
        }
        var list = new UnorderedList();
        list.addClassName("signal-list");
        for (var signal : signals) {
            var severity = new Span(getTranslation("severity." + signal.severity().name()));
            severity.addClassNames("status-badge", "status-" + signal.severity().name().toLowerCase(Locale.ROOT));
            var reason = new Span(getTranslation("reason." + signal.reason().name()));
            reason.addClassName("signal-reason");
            var sentence = new Span(signal.sentence(getLocale()));
            sentence.addClassName("signal-sentence");
            list.add(new ListItem(severity, reason, sentence));
        }
        section.add(list);
        return section;
    }

    private Component charts(CaseDetail detail) {
        var section = section("case.trajectory");
        var theCase = detail.theCase();
        var texts = Texts.of(this);
        section.add(chart(CaseCharts.outcome(detail, texts), theCase.primaryMeasure(), "primary-chart"));
        var strip = CaseCharts.statusStrip(detail, texts);
        if (strip != null) {
            var svg = new Svg(strip.toSvg());
            svg.setId("status-strip");
            svg.addClassNames("chart", "status-strip");
            section.add(svg);
        }
        var band = detail.expectedCourse();
        if (band == null || !band.isFitted()) {
            var why = new Paragraph(band == null
                    ? getTranslation("case.expected.none", theCase.primaryMeasure().code().value())
                    : getTranslation("case.expected.too-few", Scores.format(band.from()), Scores.format(band.to()),
                            band.cases(), band.casesNeeded()));
            why.addClassName("legend");
            why.setId("expected-course");
            section.add(why);
        }
        if (theCase.allianceMeasure() != null) {
            section.add(chart(CaseCharts.alliance(detail, texts), theCase.allianceMeasure(), "alliance-chart"));
        }
        return section;
    }

    private Component chart(@Nullable TrajectoryChart chart, Measure measure, String id) {
        if (chart == null) {
            var empty = new Paragraph(getTranslation("case.chart.empty", measure.code().value()));
            empty.setId(id);
            return empty;
        }
        var svg = new Svg(chart.toSvg());
        svg.setId(id);
        svg.addClassName("chart");
        return svg;
    }

    private Component sessions(CaseDetail detail) {
        var section = section("case.sessions");
        var history = detail.sessionHistory();
        var grid = new Grid<RecordedSession>();
        grid.setId("sessions-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(row -> struck(row, Labels.date(row.session().date())))
                .setHeader(getTranslation("session.date")).setAutoWidth(true);
        grid.addComponentColumn(row -> struck(row, getTranslation("attendance." + row.session().attendance().name())))
                .setHeader(getTranslation("session.attendance")).setAutoWidth(true);
        grid.addComponentColumn(row -> struck(row, row.session().scores().stream().map(this::scoreText)
                        .collect(Collectors.joining(" · "))))
                .setHeader(getTranslation("session.scores")).setAutoWidth(true);
        grid.addComponentColumn(row -> row.voided() != null
                        ? new Span(getTranslation("session.voided", row.voided().reason()))
                        : new Span(row.session().homework() == Homework.NOT_SET ? ""
                                : getTranslation("homework." + row.session().homework().name())))
                .setHeader(getTranslation("session.homework")).setFlexGrow(1);
        if (detail.mayRecord()) {
            grid.addComponentColumn(row -> {
                if (row.isVoided()) {
                    return new Span();
                }
                var voidIt = new Button(getTranslation("session.void"), click -> new VoidSessionDialog(caseId, title,
                        row.session(), caseload, this::refresh, () -> recordSession(detail, row.session().date())).open());
                voidIt.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                voidIt.addClassName("void-session");
                return voidIt;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(history.reversed());
        grid.setAllRowsVisible(history.size() <= 12);
        grid.setHeight(history.size() <= 12 ? null : "24rem");
        if (history.isEmpty()) {
            grid.setEmptyStateText(getTranslation("case.sessions.none"));
        }
        section.add(grid);
        return section;
    }

    /** A cell of a voided session is struck through, so the history shows what was entered and that it does not count. */
    private static Span struck(RecordedSession row, String text) {
        var span = new Span(text);
        if (row.isVoided()) {
            span.addClassName("voided");
        }
        return span;
    }

    private Component decisions(CaseDetail detail) {
        var section = section("case.decisions");
        section.setId("case-decisions");
        if (detail.decisions().isEmpty()) {
            section.add(new Paragraph(getTranslation("case.decisions.none")));
            return section;
        }
        var more = decisionService.onCasePage(caseId);
        var texts = Texts.of(this);
        var byId = detail.decisions().stream().collect(Collectors.toMap(Decision::id, decision -> decision));
        var supersededOn = new HashMap<DecisionId, LocalDate>();
        detail.decisions().stream().filter(decision -> decision.supersedes() != null)
                .forEach(decision -> supersededOn.putIfAbsent(decision.supersedes(), decision.decidedOn()));
        var list = new UnorderedList();
        list.addClassName("decision-list");
        for (Decision decision : detail.decisions().reversed()) {
            var what = DecisionWording.what(texts, decision.details(), more::nameOf);
            var text = new Span(getTranslation("decision.summary", what, Labels.date(decision.decidedOn()),
                    Labels.date(decision.followUpOn()), decision.rationale()));
            text.addClassName("decision-what");
            var item = new ListItem(text);
            var referral = more.referrals().get(decision.id());
            if (referral != null && referral.answeredAt() != null) {
                var answered = Labels.date(more.answeredOn(referral));
                var line = referral.state() == Referral.State.DECLINED
                        ? getTranslation("decision.referral.declined", more.nameOf(referral.to()), answered,
                                referral.declineReason())
                        : getTranslation("decision.referral.accepted", more.nameOf(referral.to()), answered);
                item.add(decisionNote(line, referral.state() == Referral.State.DECLINED ? "follow-up-declined" : "decision-review"));
            } else if (referral != null) {
                item.add(decisionNote(getTranslation("decision.referral.waiting", more.nameOf(referral.to())),
                        "decision-review"));
            }
            var review = more.reviews().get(decision.id());
            if (review != null) {
                var answering = review.answeredBy() == null ? null : byId.get(review.answeredBy());
                var line = answering != null
                        ? getTranslation("decision.answered-by", DecisionWording.what(texts, answering.details(), more::nameOf),
                                Labels.date(review.reviewedOn()))
                        : review.note() == null ? getTranslation("decision.reviewed", Labels.date(review.reviewedOn()))
                        : getTranslation("decision.reviewed-note", Labels.date(review.reviewedOn()), review.note());
                item.add(decisionNote(line, "decision-review"));
            }
            if (supersededOn.containsKey(decision.id())) {
                item.addClassName("superseded");
                item.add(decisionNote(getTranslation("decision.superseded-on", Labels.date(supersededOn.get(decision.id()))),
                        "legend"));
            } else if (detail.mayDecide()) {
                var correct = new Button(getTranslation("decision.correct"), click -> DecisionDialog.correcting(caseId,
                        decisionService, decision.id().value(), this::refresh).open());
                correct.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                correct.setId("correct-decision-" + decision.id().value());
                item.add(correct);
            }
            list.add(item);
        }
        section.add(list);
        return section;
    }

    private static Div decisionNote(String text, String className) {
        var note = new Div(new Span(text));
        note.addClassName(className);
        return note;
    }

    private Component notes(CaseDetail detail) {
        var section = section("case.notes");
        section.setId("case-notes");
        var privacy = new Paragraph(getTranslation("case.notes.privacy"));
        privacy.addClassName("role-purpose");
        section.add(privacy);
        if (detail.notes().isEmpty()) {
            section.add(new Paragraph(getTranslation("case.notes.none")));
        }
        var me = currentActor.actor().id();
        for (ReflectiveNote note : detail.notes().reversed()) {
            var current = note.current();
            var card = new Div();
            card.addClassName("note-card");
            var written = current.writtenAt().atZone(ZoneOffset.UTC).toLocalDate();
            card.add(new H3(getTranslation("note.heading", Labels.date(written), note.versions().size())));
            if (current.hardToWorkWith()) {
                var flag = new Span(getTranslation("note.hard.flagged"));
                flag.addClassNames("status-badge", "status-stalled");
                card.add(flag);
            }
            current.answers().forEach((prompt, text) -> {
                var answer = new Paragraph();
                var label = new Span(getTranslation("note.prompt." + prompt.name()) + " ");
                label.addClassName("note-prompt");
                answer.add(label, new Span(text));
                card.add(answer);
            });
            if (note.author().equals(me) && detail.mayWriteNotes()) {
                var edit = new Button(getTranslation("note.edit"), click -> new NoteDialog(caseId, title, note, caseload, this::refresh).open());
                edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                card.add(edit);
            }
            section.add(card);
        }
        return section;
    }

    private Section section(String titleKey) {
        var section = new Section(new H3(getTranslation(titleKey)));
        section.addClassName("case-section");
        return section;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
