package org.unstuck.web.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
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
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.AgendaItem;
import org.unstuck.domain.review.MeetingId;
import org.unstuck.web.common.BackgroundWork;
import org.unstuck.web.common.Labels;
import org.unstuck.web.common.PreparedReport;
import org.unstuck.web.common.StatusBadge;
import org.unstuck.web.common.Texts;

/**
 * One review meeting: its agenda, which the supervisor can reorder and trim, a meeting mode that
 * walks the agenda case by case with "record a decision" at hand, and the minutes so far.
 */
@Route("meetings/:meetingId")
@RolesAllowed("SUPERVISOR")
public class MeetingView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final MeetingService meetings;
    private final DecisionService decisions;
    private final MeetingPacks packs;
    private final BackgroundWork background;
    private @Nullable PreparedReport pack;
    private long meetingId;
    private int current = -1;
    private String title = "";

    MeetingView(MeetingService meetings, DecisionService decisions, MeetingPacks packs, BackgroundWork background) {
        this.meetings = meetings;
        this.decisions = decisions;
        this.packs = packs;
        this.background = background;
        addClassName("page");
        setId("meeting-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameter = event.getRouteParameters().get("meetingId").orElse("");
        if (!parameter.matches("\\d{1,18}")) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        meetingId = Long.parseLong(parameter);
        try {
            show();
        } catch (MeetingNotFoundException notFound) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void show() {
        var detail = meetings.meeting(meetingId);
        removeAll();
        var date = Labels.longDate(detail.meeting().date());
        title = getTranslation("meeting.title", date);
        if (pack == null) {
            var texts = Texts.of(this);
            var number = meetingId;
            var fileName = "review-meeting-" + detail.meeting().date();
            pack = new PreparedReport("meeting-pack", getTranslation("meeting.pack.prepare"), background,
                    () -> () -> List.of(PreparedReport.pdf(fileName, packs.pack(number, texts).toPdf(texts.reports()))));
        }
        add(new H2(title), new Paragraph(getTranslation("meeting.attendees", String.join(", ", detail.attendeeNames()))), pack);
        if (current >= detail.agenda().size()) {
            current = detail.agenda().isEmpty() ? -1 : detail.agenda().size() - 1;
        }
        if (current >= 0) {
            add(walk(detail));
        } else {
            var start = new Button(getTranslation("meeting.start"), VaadinIcon.PLAY.create(), click -> {
                current = 0;
                show();
            });
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            start.setEnabled(!detail.agenda().isEmpty());
            start.setId("start-meeting");
            add(start);
        }
        add(agenda(detail), minutes(detail));
    }

    private Component walk(MeetingService.MeetingDetail detail) {
        var row = detail.agenda().get(current);
        var panel = new Div();
        panel.addClassName("meeting-walk");
        panel.setId("meeting-walk");
        var position = new Span(getTranslation("meeting.walk.position", current + 1, detail.agenda().size()));
        position.addClassName("legend");
        var heading = new HorizontalLayout(new H3(row.caseRow().clientCode() + " · " + row.caseRow().therapistName()),
                new StatusBadge(row.caseRow().status()));
        heading.setAlignItems(HorizontalLayout.Alignment.CENTER);
        heading.addClassName("wrap-row");
        var why = new Paragraph(followUpNote(row) + (row.caseRow().topSentence() == null ? "" : row.caseRow().topSentence()));
        var open = new Anchor("cases/" + row.caseRow().caseId(), getTranslation("meeting.open-case"));
        open.setTarget("_blank");
        var decide = new Button(getTranslation("case.record-decision"), VaadinIcon.GAVEL.create(), click -> {
            var reasons = row.caseRow().topReason() == null ? Set.<StallReason>of()
                    : Set.of(row.caseRow().topReason());
            new DecisionDialog(row.caseRow().caseId(), row.caseRow().approach(), reasons, decisions,
                    new MeetingId(meetingId), this::show).open();
        });
        decide.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        decide.setId("meeting-decide");
        var previous = new Button(getTranslation("meeting.previous"), VaadinIcon.ARROW_LEFT.create(), click -> {
            current--;
            show();
        });
        previous.setEnabled(current > 0);
        var next = new Button(getTranslation("meeting.next"), VaadinIcon.ARROW_RIGHT.create(), click -> {
            current = current + 1 < detail.agenda().size() ? current + 1 : -1;
            show();
        });
        next.setId("meeting-next");
        var actions = new HorizontalLayout(decide, previous, next, open);
        actions.addClassName("wrap-row");
        actions.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        panel.add(position, heading, why, actions);
        return panel;
    }

    private Component agenda(MeetingService.MeetingDetail detail) {
        var section = new Div(new H3(getTranslation("meeting.agenda")));
        section.setId("meeting-agenda");
        if (detail.agenda().isEmpty()) {
            section.add(new Paragraph(getTranslation("meeting.agenda.empty")));
            return section;
        }
        var list = new OrderedList();
        list.addClassName("agenda-list");
        for (int index = 0; index < detail.agenda().size(); index++) {
            var row = detail.agenda().get(index);
            var place = index;
            var text = new Span(row.caseRow().clientCode() + " · " + row.caseRow().therapistName() + " "
                    + followUpNote(row));
            var up = new Button(VaadinIcon.ARROW_UP.create(), click -> {
                meetings.move(meetingId, row.caseRow().caseId(), place - 1);
                show();
            });
            up.setEnabled(index > 0);
            up.setAriaLabel(getTranslation("meeting.up"));
            up.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            var down = new Button(VaadinIcon.ARROW_DOWN.create(), click -> {
                meetings.move(meetingId, row.caseRow().caseId(), place + 1);
                show();
            });
            down.setEnabled(index < detail.agenda().size() - 1);
            down.setAriaLabel(getTranslation("meeting.down"));
            down.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            var remove = new Button(getTranslation("meeting.remove"), click -> {
                meetings.remove(meetingId, row.caseRow().caseId());
                show();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            var item = new ListItem(new StatusBadge(row.caseRow().status()), text, up, down, remove);
            item.addClassName("agenda-item");
            list.add(item);
        }
        section.add(list);
        return section;
    }

    /** The badge already says stalled or deteriorating; only a follow-up needs saying. */
    private String followUpNote(MeetingService.AgendaRow row) {
        return row.item().why() == AgendaItem.Why.FOLLOW_UP_DUE
                ? getTranslation("meeting.why.FOLLOW_UP_DUE") + " " : "";
    }

    private Component minutes(MeetingService.MeetingDetail detail) {
        var section = new Div(new H3(getTranslation("meeting.minutes")));
        section.setId("meeting-minutes");
        if (detail.minutes().isEmpty()) {
            section.add(new Paragraph(getTranslation("meeting.minutes.empty")));
            return section;
        }
        var list = new UnorderedList();
        detail.minutes().forEach(decision -> list.add(new ListItem(getTranslation("meeting.minute",
                getTranslation("decision.type." + decision.type().name()), decision.rationale(),
                Labels.date(decision.followUpOn())))));
        section.add(list);
        return section;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
