package org.unstuck.web.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.web.common.DecisionWording;
import org.unstuck.web.common.Labels;
import org.unstuck.web.common.Texts;
import org.unstuck.web.review.FollowUpService.FollowUpRow;
import org.unstuck.web.review.ReviewBoardView;

/** The supervisor's part of the home. */
class SupervisorSection extends Section {

    SupervisorSection(SupervisorHome.Contents home, LocalDate today) {
        setId("home-supervisor");
        addClassName("home-section");
        var cards = new Div();
        cards.addClassName("home-cards");
        cards.add(new HomeCard("home-risk", getTranslation("home.supervisor.risk"))
                .list(home.risks(), home.riskCount(), row -> CaseLine.of(row, true, home.now()),
                        getTranslation("home.risk.none"))
                .link(getTranslation("home.supervisor.risk.link"), "review?status=" + ReviewBoardView.slug(CaseStatus.RISK)));
        var newTitle = home.firstVisit()
                ? getTranslation("home.supervisor.new.first", SupervisorHome.FIRST_VISIT_DAYS)
                : getTranslation("home.supervisor.new", Labels.date(home.flaggedSince()));
        cards.add(new HomeCard("home-newly-flagged", newTitle)
                .list(home.newlyFlagged(), row -> CaseLine.of(row, true, home.now()), getTranslation("home.supervisor.new.none"))
                .link(getTranslation("home.supervisor.board.link", home.boardSize()), "review"));
        cards.add(new HomeCard("home-deteriorating", getTranslation("home.supervisor.deteriorating"))
                .list(home.deteriorating(), home.deterioratingCount(), row -> CaseLine.of(row, true, home.now()),
                        getTranslation("home.supervisor.deteriorating.none"))
                .link(getTranslation("home.supervisor.deteriorating.link"),
                        "review?status=" + ReviewBoardView.slug(CaseStatus.DETERIORATING)));
        var texts = Texts.of(this);
        var monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var thisWeek = home.followUpsDue().stream()
                .filter(row -> row.declined() != null || !row.decision().followUpOn().isBefore(monday)).toList();
        var older = home.followUpsDue().size() - thisWeek.size();
        var followUps = new HomeCard("home-follow-ups", getTranslation("home.supervisor.follow-ups"))
                .list(thisWeek, row -> followUp(row, texts, today), getTranslation("home.supervisor.follow-ups.none"));
        if (older > 0) {
            followUps.note(getTranslation("home.supervisor.follow-ups.older", older));
        }
        cards.add(followUps.link(getTranslation("home.supervisor.follow-ups.link"), "follow-ups"));
        cards.add(meeting(home.nextMeeting()));
        cards.add(reasons(home.perReason(), home.boardSize()));
        add(new H2(getTranslation("home.section.supervisor")), cards);
    }

    private List<Component> followUp(FollowUpRow row, Texts texts, LocalDate today) {
        var decision = row.decision();
        var what = new Span(DecisionWording.what(texts, decision.details(), person -> row.colleague()));
        what.addClassName("home-sentence");
        var due = decision.followUpOn();
        var declined = row.declined();
        var when = new Span(declined != null
                ? getTranslation("home.follow-up.declined", declined.colleague(), Labels.date(declined.on()))
                : due.isBefore(today) ? getTranslation("home.follow-up.overdue", Labels.date(due))
                : getTranslation("home.follow-up.due", Labels.date(due)));
        when.addClassName(declined != null || due.isBefore(today) ? "home-problem" : "home-detail");
        var therapist = new Span(row.therapist());
        therapist.addClassName("home-detail");
        return List.of(CaseLine.client(row.caseId(), row.clientCode()), therapist, when, what);
    }

    private HomeCard meeting(@Nullable NextMeeting next) {
        var card = new HomeCard("home-next-meeting-held", getTranslation("home.supervisor.meeting"));
        if (next == null) {
            return card.note(getTranslation("home.supervisor.meeting.none"))
                    .link(getTranslation("home.supervisor.meeting.plan"), "meetings");
        }
        card.note(getTranslation("home.meeting.when", Labels.longDate(next.date()), next.startsAt(), next.place()));
        card.note(getTranslation("home.supervisor.meeting.agenda", next.agendaSize()));
        var open = new Button(getTranslation("home.supervisor.meeting.open"),
                click -> getUI().ifPresent(ui -> ui.navigate("meetings/" + next.id())));
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open.setId("home-open-meeting");
        card.add(open);
        return card;
    }

    private HomeCard reasons(Map<StallReason, Integer> perReason, int boardSize) {
        var card = new HomeCard("home-reasons", getTranslation("home.supervisor.reasons", boardSize));
        var counted = StallReason.signalled().stream().filter(reason -> perReason.getOrDefault(reason, 0) > 0).toList();
        if (counted.isEmpty()) {
            return card.note(getTranslation("home.supervisor.reasons.none"));
        }
        var list = new Div();
        list.addClassName("home-reason-counts");
        for (var reason : counted) {
            var link = new Anchor("review?reason=" + ReviewBoardView.slug(reason),
                    getTranslation("reason." + reason.name()) + " " + perReason.get(reason));
            link.setId("home-reason-" + ReviewBoardView.slug(reason));
            list.add(link);
        }
        card.add(list);
        return card;
    }
}
