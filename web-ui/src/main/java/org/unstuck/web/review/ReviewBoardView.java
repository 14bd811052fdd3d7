package org.unstuck.web.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.unstuck.domain.measure.Scores;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.persistence.board.BoardFilter;
import org.unstuck.persistence.board.BoardRow;
import org.unstuck.web.common.DecisionWording;
import org.unstuck.web.common.Labels;
import org.unstuck.web.common.StatusBadge;
import org.unstuck.web.common.Texts;
import org.unstuck.web.practice.PersonRow;

/**
 * The supervisor's supervisees' open cases, most severe first, with the reason in plain words. The
 * reason chips count the cases carrying each reason and, clicked, show only those; every filter is
 * kept in the address, so a reload or a shared link shows the same board.
 */
@Route("review")
@RolesAllowed("SUPERVISOR")
public class ReviewBoardView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String THERAPIST = "therapist";
    static final String STATUS = "status";
    static final String REASON = "reason";

    private final ReviewBoardService board;
    private final Texts texts;
    private final ComboBox<PersonRow> therapist = new ComboBox<>();
    private final ComboBox<CaseStatus> status = new ComboBox<>();
    private final EnumSet<StallReason> chosenReasons = EnumSet.noneOf(StallReason.class);
    private final Map<StallReason, Button> chips = new EnumMap<>(StallReason.class);
    private final Grid<BoardRow> grid = new Grid<>(BoardRow.class, false);
    /** Set while the filters are taken from the address, so that each of them does not rewrite it. */
    private boolean restoring;

    ReviewBoardView(ReviewBoardService board) {
        this.board = board;
        this.texts = Texts.of(this);
        addClassNames("page", "full-height", "review-board");
        setId("review-board");

        therapist.setLabel(getTranslation("board.filter.therapist"));
        therapist.setItems(board.supervisees());
        therapist.setItemLabelGenerator(PersonRow::displayName);
        therapist.setClearButtonVisible(true);
        therapist.setId("therapist-filter");
        therapist.setWidth("10.5rem");
        status.setLabel(getTranslation("caseload.filter.status"));
        status.setItems(CaseStatus.values());
        status.setItemLabelGenerator(value -> getTranslation("status." + value.name()));
        status.setClearButtonVisible(true);
        status.setId("status-filter");
        status.setWidth("10.5rem");
        var filters = new HorizontalLayout(therapist, status);
        filters.addClassName("wrap-row");
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        var counts = new Div();
        counts.addClassName("reason-counts");
        counts.setId("reason-counts");
        counts.getElement().setAttribute("role", "group");
        counts.getElement().setAttribute("aria-label", getTranslation("board.reasons.label"));
        for (var each : StallReason.signalled()) {
            var chip = new Button("", click -> toggle(each));
            chip.addClassName("reason-chip");
            chip.addThemeVariants(ButtonVariant.LUMO_SMALL);
            chip.setId("reason-" + slug(each));
            chips.put(each, chip);
            counts.add(chip);
        }

        grid.setId("board-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // The widths add up to what a 1280-pixel window leaves beside the menu; the client stays in view when scrolled.
        grid.addColumn(row -> row.theCase().clientCode()).setHeader(getTranslation("caseload.client"))
                .setWidth("6rem").setFlexGrow(0).setFrozen(true);
        grid.addColumn(row -> row.theCase().therapistName()).setHeader(getTranslation("board.therapist"))
                .setWidth("7.5rem").setFlexGrow(0);
        var now = board.now();
        grid.addComponentColumn(row -> StatusBadge.of(row.theCase(), now)).setHeader(getTranslation("caseload.status"))
                .setWidth("8.75rem").setFlexGrow(0);
        grid.addColumn(row -> row.reasons().stream().map(reason -> getTranslation("reason." + reason.name()))
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("board.reasons")).setWidth("8rem").setFlexGrow(0);
        grid.addColumn(row -> Objects.requireNonNullElse(row.theCase().topSentence(), ""))
                .setHeader(getTranslation("caseload.why")).setWidth("11rem").setFlexGrow(1);
        grid.addColumn(row -> row.theCase().sessionsHeld() == 0 ? "0"
                        : getTranslation("board.sessions.held", row.theCase().sessionsHeld(),
                                Labels.date(row.theCase().lastSessionOn())))
                .setHeader(getTranslation("caseload.sessions")).setWidth("6rem").setFlexGrow(0);
        grid.addComponentColumn(this::lastDecision).setHeader(getTranslation("board.last-decision"))
                .setWidth("11rem").setFlexGrow(0);
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("cases/" + click.getItem().theCase().caseId())));
        grid.setItems(query -> board.page(filter(), query.getOffset(), query.getLimit()).stream(),
                query -> board.size(filter()));
        grid.setEmptyStateText(getTranslation("board.empty"));

        therapist.addValueChangeListener(change -> filtersChanged());
        status.addValueChangeListener(change -> filtersChanged());

        var legend = new Span(getTranslation("board.legend"));
        legend.addClassName("legend");
        add(new H2(getTranslation("board.title")), legend, filters, counts, grid);
    }

    /** The case's latest decision in the words every screen uses, when it was made, and the follow-ups due. */
    private Div lastDecision(BoardRow row) {
        var cell = new Div();
        cell.addClassName("last-decision");
        var last = row.lastDecision();
        if (last == null) {
            var none = new Span(getTranslation("board.last-decision.none"));
            none.addClassName("legend");
            cell.add(none);
        } else {
            var when = new Span(Labels.date(last.decidedOn()));
            when.addClassName("legend");
            cell.add(new Span(DecisionWording.what(texts, last.details(),
                    colleague -> Objects.requireNonNullElse(last.colleagueName(), ""))), when);
        }
        var due = row.theCase().followUpsDue();
        if (due > 0) {
            var followUps = new Span(getTranslation("board.follow-ups-due", due));
            followUps.addClassName("follow-ups-due");
            cell.add(followUps);
        }
        return cell;
    }

    private void toggle(StallReason reason) {
        if (!chosenReasons.remove(reason)) {
            chosenReasons.add(reason);
        }
        filtersChanged();
    }

    private void filtersChanged() {
        if (restoring) {
            return;
        }
        grid.getDataProvider().refreshAll();
        showCounts();
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location("review", addressOfFilters())));
    }

    private void showCounts() {
        var perReason = board.casesPerReason(filter());
        chips.forEach((reason, chip) -> {
            var count = perReason.getOrDefault(reason, 0);
            var chosen = chosenReasons.contains(reason);
            chip.setText(getTranslation("reason." + reason.name()) + " " + Scores.format(count));
            chip.getElement().setAttribute("aria-pressed", Boolean.toString(chosen));
            chip.setClassName("reason-chip-chosen", chosen);
            chip.setClassName("reason-chip-none", count == 0 && !chosen);
            if (chosen) {
                chip.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            } else {
                chip.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
        });
    }

    private BoardFilter filter() {
        var chosen = therapist.getValue();
        return new BoardFilter(chosen == null ? null : board.superviseeId(chosen.username()), null, status.getValue(),
                chosenReasons);
    }

    private QueryParameters addressOfFilters() {
        var parameters = new LinkedHashMap<String, List<String>>();
        Optional.ofNullable(therapist.getValue()).ifPresent(person -> parameters.put(THERAPIST, List.of(person.username())));
        Optional.ofNullable(status.getValue()).ifPresent(value -> parameters.put(STATUS, List.of(slug(value))));
        if (!chosenReasons.isEmpty()) {
            parameters.put(REASON, chosenReasons.stream().map(ReviewBoardView::slug).toList());
        }
        return new QueryParameters(parameters);
    }

    /** Takes the filters from the address; a value that names nothing is left out, and the message says what is allowed. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        var refused = new ArrayList<String>();
        restoring = true;
        try {
            var username = parameters.getOrDefault(THERAPIST, List.of()).stream().findFirst();
            var person = username.flatMap(name -> board.supervisees().stream()
                    .filter(supervisee -> supervisee.username().equals(name)).findFirst());
            if (username.isPresent() && person.isEmpty()) {
                refused.add(getTranslation("board.address.therapist", username.get()));
            }
            therapist.setValue(person.orElse(null));
            var statusName = parameters.getOrDefault(STATUS, List.of()).stream().findFirst();
            var chosenStatus = statusName.flatMap(name -> fromSlug(CaseStatus.class, name));
            if (statusName.isPresent() && chosenStatus.isEmpty()) {
                refused.add(getTranslation("board.address.status", statusName.get(), allowed(CaseStatus.values())));
            }
            status.setValue(chosenStatus.orElse(null));
            chosenReasons.clear();
            for (var name : parameters.getOrDefault(REASON, List.of())) {
                fromSlug(StallReason.class, name).ifPresentOrElse(chosenReasons::add,
                        () -> refused.add(getTranslation("board.address.reason", name, allowed(StallReason.values()))));
            }
        } finally {
            restoring = false;
        }
        grid.getDataProvider().refreshAll();
        showCounts();
        if (!refused.isEmpty()) {
            Notification.show(String.join(" ", refused), 8000, Notification.Position.MIDDLE).setId("board-address-refused");
        }
    }

    /** How a status or reason is written in the address: "therapist-reticence". */
    public static String slug(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <E extends Enum<E>> Optional<E> fromSlug(Class<E> type, String slug) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> slug(value).equals(slug)).findFirst();
    }

    private static String allowed(Enum<?>[] values) {
        return Arrays.stream(values).map(ReviewBoardView::slug).collect(Collectors.joining(", "));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("board.title") + " · " + getTranslation("app.name");
    }
}
