package org.unstuck.web.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Objects;
import org.unstuck.persistence.board.CaseRow;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.common.DecisionWording;
import org.unstuck.web.common.InvalidEntryException;
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
import org.unstuck.domain.review.MeetingId;
import org.unstuck.web.common.BackgroundWork;
import org.unstuck.web.common.Labels;
import org.unstuck.web.common.PreparedReport;
import org.unstuck.web.common.StatusBadge;
import org.unstuck.web.common.Texts;

/**
 * One review meeting: its agenda, which the supervisor can reorder, trim (with undo) and add to; a
 * walk-through that takes the agenda case by case, keeps its place across reloads and ends with
 * the cases still undecided; and the minutes so far.
 */
@Route("meetings/:meetingId")
@RolesAllowed("SUPERVISOR")
public class MeetingView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final MeetingService meetings;
    private final DecisionService decisions;
    private final MeetingPacks packs;
    private final MeetingCards cards;
    private final BackgroundWork background;
    private final AuditRecorder audit;
    private @Nullable PreparedReport pack;
    private long meetingId;
    private String title = "";
    private long cardCase = -1;
    private @Nullable WalkCard card;

    MeetingView(MeetingService meetings, DecisionService decisions, MeetingPacks packs, MeetingCards cards,
            BackgroundWork background, AuditRecorder audit) {
        this.audit = audit;
        this.meetings = meetings;
        this.decisions = decisions;
        this.packs = packs;
        this.cards = cards;
        this.background = background;
        addClassName("page");
        setId("meeting-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameter = event.getRouteParameters().get("meetingId").orElse("");
        if (!parameter.matches("\\d{1,18}")) {
            audit.refusedAddress("meeting.read", "meetings/" + parameter);
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
        var meeting = detail.meeting();
        removeAll();
        title = getTranslation("meeting.title", Labels.longDate(meeting.date()));
        if (pack == null) {
            var texts = Texts.of(this);
            var number = meetingId;
            var fileName = "review-meeting-" + meeting.date();
            pack = new PreparedReport("meeting-pack", getTranslation("meeting.pack.prepare"), background,
                    () -> () -> List.of(PreparedReport.pdf(fileName, packs.pack(number, texts).toPdf(texts.reports()))));
        }
        var when = new Paragraph(getTranslation("meeting.when", Labels.longDate(meeting.date()), meeting.startsAt()) + " · ");
        when.add(isLink(meeting.place()) ? new Anchor(meeting.place(), meeting.place()) : new Span(meeting.place()));
        when.setId("meeting-when");
        add(new H2(title), when, new Paragraph(getTranslation("meeting.attendees", String.join(", ", detail.attendeeNames()))),
                pack);
        var position = meeting.walkPosition();
        if (position == null) {
            add(start(detail));
        } else if (position < detail.agenda().size()) {
            add(walk(detail, position));
        } else {
            add(closing(detail));
        }
        add(agenda(detail, position), minutes(detail));
    }

    private static boolean isLink(String place) {
        return place.startsWith("https://") || place.startsWith("http://");
    }

    private Component start(MeetingService.MeetingDetail detail) {
        var start = new Button(getTranslation("meeting.start"), VaadinIcon.PLAY.create(), click -> walkTo(0));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(detail.mayWalk() && !detail.agenda().isEmpty());
        start.setId("start-meeting");
        if (detail.mayWalk()) {
            return start;
        }
        var notYet = new Paragraph(getTranslation("meeting.not-yet", Labels.longDate(detail.meeting().date())));
        notYet.setId("meeting-not-yet");
        notYet.addClassName("legend");
        return new Div(start, notYet);
    }

    private void walkTo(@Nullable Integer position) {
        try {
            meetings.walkTo(meetingId, position);
        } catch (InvalidEntryException refused) {
            Notification.show(String.join(" ", refused.fieldErrors().values()), 6000, Notification.Position.MIDDLE);
        }
        show();
    }

    private Component walk(MeetingService.MeetingDetail detail, int position) {
        var row = detail.agenda().get(position);
        var caseId = row.caseRow().caseId();
        if (card == null || cardCase != caseId) {
            card = cards.card(detail, caseId, Texts.of(this));
            cardCase = caseId;
        }
        var panel = new Div();
        panel.addClassName("meeting-walk");
        panel.setId("meeting-walk");
        var place = new Span(getTranslation("meeting.walk.position", position + 1, detail.agenda().size()));
        place.addClassName("legend");
        var heading = new HorizontalLayout(new H3(row.caseRow().clientCode() + " · " + row.caseRow().therapistName()),
                new StatusBadge(row.caseRow().status()));
        heading.setAlignItems(HorizontalLayout.Alignment.CENTER);
        heading.addClassName("wrap-row");
        var why = new Paragraph(whyNote(row) + (row.caseRow().topSentence() == null ? "" : row.caseRow().topSentence()));
        var open = new Anchor("cases/" + caseId, getTranslation("meeting.open-case"));
        open.setTarget("_blank");
        var decide = new Button(getTranslation("case.record-decision"), VaadinIcon.GAVEL.create(), click -> {
            var reasons = row.caseRow().topReason() == null ? Set.<StallReason>of() : Set.of(row.caseRow().topReason());
            new DecisionDialog(caseId, row.caseRow().approach(), reasons, decisions, new MeetingId(meetingId), () -> {
                card = null;
                show();
            }).open();
        });
        decide.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        decide.setId("meeting-decide");
        var previous = new Button(getTranslation("meeting.previous"), VaadinIcon.ARROW_LEFT.create(),
                click -> walkTo(position - 1));
        previous.setEnabled(position > 0);
        previous.setId("meeting-previous");
        var last = position + 1 == detail.agenda().size();
        var next = new Button(getTranslation(last ? "meeting.to-closing" : "meeting.next"), VaadinIcon.ARROW_RIGHT.create(),
                click -> walkTo(position + 1));
        next.setId("meeting-next");
        var actions = new HorizontalLayout(decide, previous, next, open);
        actions.addClassName("wrap-row");
        actions.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        panel.add(place, heading, why, actions, cardSections(Objects.requireNonNull(card)));
        return panel;
    }

    private Component cardSections(WalkCard card) {
        var sections = new Div();
        sections.addClassName("walk-card");
        sections.setId("walk-card");
        sections.add(section("meeting.card.signals", card.signals(), "meeting.card.signals.none"),
                section("meeting.card.sessions", card.lastSessions(), "meeting.card.sessions.none"),
                section("meeting.card.note-heading", card.note() == null ? List.of() : List.of(card.note()),
                        "meeting.card.note.none"),
                section("meeting.card.prior", card.priorDecisions(), "meeting.card.prior.none"),
                section("meeting.card.follow-ups", card.dueFollowUps(), "meeting.card.follow-ups.none"));
        return sections;
    }

    private Component section(String heading, List<String> lines, String none) {
        var section = new Div(new H4(getTranslation(heading)));
        section.addClassName("walk-card-section");
        if (lines.isEmpty()) {
            var empty = new Paragraph(getTranslation(none));
            empty.addClassName("legend");
            section.add(empty);
        } else {
            var list = new UnorderedList();
            lines.forEach(line -> list.add(new ListItem(line)));
            section.add(list);
        }
        return section;
    }

    private Component closing(MeetingService.MeetingDetail detail) {
        var panel = new Div(new H3(getTranslation("meeting.closing.title")));
        panel.addClassName("meeting-walk");
        panel.setId("meeting-closing");
        var undecided = detail.undecided();
        if (undecided.isEmpty()) {
            panel.add(new Paragraph(getTranslation("meeting.closing.all-decided")));
        } else {
            panel.add(new Paragraph(getTranslation("meeting.closing.undecided", undecided.size())));
            var list = new UnorderedList();
            list.setId("meeting-undecided");
            for (var row : undecided) {
                var index = detail.agenda().indexOf(row);
                var back = new Button(getTranslation("meeting.closing.go-back"), click -> walkTo(index));
                back.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                list.add(new ListItem(new Span(row.caseRow().clientCode() + " · " + row.caseRow().therapistName() + " "),
                        back));
            }
            panel.add(list);
        }
        var previous = new Button(getTranslation("meeting.previous"), VaadinIcon.ARROW_LEFT.create(),
                click -> walkTo(detail.agenda().size() - 1));
        previous.setEnabled(!detail.agenda().isEmpty());
        var finish = new Button(getTranslation("meeting.closing.finish"), VaadinIcon.CHECK.create(), click -> {
            walkTo(null);
            Notification.show(getTranslation("meeting.closing.finished", detail.minutes().size()), 6000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        finish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        finish.setId("meeting-finish");
        var actions = new HorizontalLayout(previous, finish);
        actions.addClassName("wrap-row");
        panel.add(actions);
        return panel;
    }

    private Component agenda(MeetingService.MeetingDetail detail, @Nullable Integer position) {
        var section = new Div(new H3(getTranslation("meeting.agenda")));
        section.setId("meeting-agenda");
        if (detail.agenda().isEmpty()) {
            section.add(new Paragraph(getTranslation("meeting.agenda.empty")));
        } else {
            var list = new OrderedList();
            list.addClassName("agenda-list");
            for (int index = 0; index < detail.agenda().size(); index++) {
                list.add(agendaItem(detail, index, position != null && position == index));
            }
            section.add(list);
        }
        section.add(adder());
        return section;
    }

    private ListItem agendaItem(MeetingService.MeetingDetail detail, int index, boolean current) {
        var row = detail.agenda().get(index);
        var caseId = row.caseRow().caseId();
        var text = new Span(row.caseRow().clientCode() + " · " + row.caseRow().therapistName() + " " + whyNote(row));
        var up = new Button(VaadinIcon.ARROW_UP.create(), click -> {
            meetings.move(meetingId, caseId, index - 1);
            show();
        });
        up.setEnabled(index > 0);
        up.setAriaLabel(getTranslation("meeting.up"));
        up.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        var down = new Button(VaadinIcon.ARROW_DOWN.create(), click -> {
            meetings.move(meetingId, caseId, index + 1);
            show();
        });
        down.setEnabled(index < detail.agenda().size() - 1);
        down.setAriaLabel(getTranslation("meeting.down"));
        down.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        var remove = new Button(getTranslation("meeting.remove"), click -> remove(row));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        var item = new ListItem(new StatusBadge(row.caseRow().status()), text, up, down, remove);
        item.addClassName("agenda-item");
        if (current) {
            item.addClassName("agenda-item-current");
            item.getElement().setAttribute("aria-current", "step");
        }
        return item;
    }

    private void remove(MeetingService.AgendaRow row) {
        var removed = meetings.remove(meetingId, row.caseRow().caseId());
        show();
        var notification = new Notification();
        notification.setId("agenda-removed");
        notification.setDuration(8000);
        notification.setPosition(Notification.Position.BOTTOM_START);
        var undo = new Button(getTranslation("meeting.remove.undo"), click -> {
            meetings.restore(meetingId, removed);
            notification.close();
            show();
        });
        undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        undo.setId("agenda-undo");
        var layout = new HorizontalLayout(new Span(getTranslation("meeting.removed", row.caseRow().clientCode())), undo);
        layout.setAlignItems(HorizontalLayout.Alignment.CENTER);
        notification.add(layout);
        notification.open();
    }

    private Component adder() {
        var addable = meetings.addable(meetingId);
        var choice = new ComboBox<CaseRow>(getTranslation("meeting.add.case"));
        choice.setItems(addable);
        choice.setItemLabelGenerator(row -> row.clientCode() + " · " + row.therapistName() + " · "
                + getTranslation("status." + row.status().name()));
        choice.setId("agenda-add-case");
        choice.setHelperText(addable.isEmpty() ? getTranslation("meeting.add.none") : getTranslation("meeting.add.help"));
        choice.setEnabled(!addable.isEmpty());
        choice.addClassName("agenda-add-field");
        var add = new Button(getTranslation("meeting.add"), VaadinIcon.PLUS.create(), click -> {
            var chosen = choice.getValue();
            if (chosen == null) {
                choice.setErrorMessage(getTranslation("meeting.add.choose"));
                choice.setInvalid(true);
                return;
            }
            try {
                meetings.add(meetingId, chosen.caseId());
                show();
                Notification.show(getTranslation("meeting.added", chosen.clientCode()), 5000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidEntryException refused) {
                choice.setErrorMessage(refused.fieldErrors().get("case"));
                choice.setInvalid(true);
            }
        });
        add.setEnabled(!addable.isEmpty());
        add.setId("agenda-add");
        var row = new HorizontalLayout(choice, add);
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        row.addClassName("wrap-row");
        return row;
    }

    /** The badge already says stalled or deteriorating; only a follow-up or a hand-added case needs saying. */
    private String whyNote(MeetingService.AgendaRow row) {
        return switch (row.item().why()) {
            case FOLLOW_UP_DUE, ADDED -> getTranslation("meeting.why." + row.item().why().name()) + " ";
            case RISK, DETERIORATING, STALLED -> "";
        };
    }

    private Component minutes(MeetingService.MeetingDetail detail) {
        var section = new Div(new H3(getTranslation("meeting.minutes")));
        section.setId("meeting-minutes");
        if (detail.minutes().isEmpty()) {
            section.add(new Paragraph(getTranslation("meeting.minutes.empty")));
            return section;
        }
        var texts = Texts.of(this);
        var list = new UnorderedList();
        detail.minutes().forEach(decision -> list.add(new ListItem(getTranslation("meeting.minute",
                detail.clientCodes().getOrDefault(decision.caseId().value(), ""),
                DecisionWording.what(texts, decision.details(), person -> detail.names().getOrDefault(person, "")),
                decision.rationale(), Labels.date(decision.followUpOn())))));
        section.add(list);
        return section;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
