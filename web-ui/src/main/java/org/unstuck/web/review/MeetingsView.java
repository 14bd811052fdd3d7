package org.unstuck.web.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;
import java.util.stream.Collectors;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.review.ReviewMeeting;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.common.Labels;

/** The supervisor's review meetings, and planning the next one. */
@Route("meetings")
@RolesAllowed("SUPERVISOR")
public class MeetingsView extends Main implements HasDynamicTitle {

    private static final LocalTime DEFAULT_TIME = LocalTime.of(14, 0);

    MeetingsView(MeetingService meetings) {
        addClassName("page");
        setId("meetings-view");
        var plan = new Button(getTranslation("meetings.plan"), VaadinIcon.PLUS.create(), click -> planDialog(meetings).open());
        plan.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        plan.setId("plan-meeting");
        var heading = new HorizontalLayout(new H2(getTranslation("meetings.title")), plan);
        heading.setWidthFull();
        heading.setJustifyContentMode(HorizontalLayout.JustifyContentMode.BETWEEN);
        heading.setAlignItems(HorizontalLayout.Alignment.CENTER);
        heading.addClassName("wrap-row");

        var grid = new Grid<MeetingService.MeetingSummary>();
        grid.setId("meetings-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(summary -> Labels.longDate(summary.date()) + " · " + summary.startsAt())
                .setHeader(getTranslation("meetings.date")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(MeetingService.MeetingSummary::place).setHeader(getTranslation("meetings.place")).setAutoWidth(true)
                .setFlexGrow(1);
        grid.addColumn(MeetingService.MeetingSummary::agendaItems).setHeader(getTranslation("meetings.agenda"));
        grid.addColumn(MeetingService.MeetingSummary::decisions).setHeader(getTranslation("meetings.decisions"));
        grid.setItems(meetings.myMeetings());
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("meetings.empty"));
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("meetings/" + click.getItem().id())));
        add(heading, new Paragraph(getTranslation("meetings.intro")), grid);
    }

    private Dialog planDialog(MeetingService meetings) {
        var dialog = new Dialog(getTranslation("meetings.plan"));
        dialog.setWidth("min(42rem, 96vw)");
        var date = new DatePicker(getTranslation("meetings.date"), meetings.today().plusDays(1));
        date.setMin(meetings.today());
        date.setId("meeting-date");
        date.setRequiredIndicatorVisible(true);
        var time = new TimePicker(getTranslation("meetings.time"), DEFAULT_TIME);
        time.setStep(Duration.ofMinutes(15));
        time.setId("meeting-time");
        time.setRequiredIndicatorVisible(true);
        var place = new TextField(getTranslation("meetings.place"));
        place.setMaxLength(ReviewMeeting.PLACE_LENGTH);
        place.setHelperText(getTranslation("meetings.place.help"));
        place.setId("meeting-place");
        place.setRequiredIndicatorVisible(true);
        place.setWidthFull();
        var attendees = new CheckboxGroup<UserAccount>(getTranslation("meetings.attendees"));
        attendees.setItems(meetings.invitable());
        attendees.setItemLabelGenerator(UserAccount::displayName);
        attendees.setId("meeting-attendees");
        attendees.setRequiredIndicatorVisible(true);
        var when = new HorizontalLayout(date, time);
        when.addClassName("wrap-row");
        dialog.add(new Paragraph(getTranslation("meetings.plan.intro")), when, place, attendees);
        var save = new Button(getTranslation("meetings.plan.save"), click -> {
            try {
                var id = meetings.plan(date.getValue(), time.getValue(), place.getValue(), attendees.getValue().stream()
                        .map(UserAccount::id)
                        .filter(Objects::nonNull).collect(Collectors.toSet()));
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate("meetings/" + id));
            } catch (InvalidEntryException invalid) {
                date.setErrorMessage(invalid.fieldErrors().get("date"));
                date.setInvalid(invalid.fieldErrors().containsKey("date"));
                time.setErrorMessage(invalid.fieldErrors().get("time"));
                time.setInvalid(invalid.fieldErrors().containsKey("time"));
                place.setErrorMessage(invalid.fieldErrors().get("place"));
                place.setInvalid(invalid.fieldErrors().containsKey("place"));
                attendees.setErrorMessage(invalid.fieldErrors().get("attendees"));
                attendees.setInvalid(invalid.fieldErrors().containsKey("attendees"));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-meeting");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        return dialog;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("meetings.title") + " · " + getTranslation("app.name");
    }
}
