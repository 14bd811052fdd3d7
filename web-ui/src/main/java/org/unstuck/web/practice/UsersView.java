package org.unstuck.web.practice;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.unstuck.domain.practice.Role;
import org.unstuck.web.common.InvalidEntryException;

/** The admin's list of everyone who signs in, where people are added and their accounts kept. */
@Route("admin/users")
@RolesAllowed("ADMIN")
public class UsersView extends Main implements HasDynamicTitle {

    private final PracticeDirectory directory;
    private final PeopleGrid grid;
    private final Paragraph intro = new Paragraph();
    private final Div unsupervised = new Div();
    private final UserAdministration administration;
    private Map<String, SecondFactorStanding> secondFactors = Map.of();

    UsersView(PracticeDirectory directory, UserAdministration administration) {
        this.directory = directory;
        this.administration = administration;
        addClassName("page");
        var add = new Button(getTranslation("users.add"), VaadinIcon.PLUS.create(),
                click -> new AddUserDialog(administration, added -> {
                    refresh();
                    confirm(getTranslation(added.awaitingApproval() ? "users.added.awaiting" : "users.added", added.username()));
                }).open());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("add-user");
        grid = new PeopleGrid(List.of()).withRoles().withSupervisors().withAccountState();
        // Text wraps in columns sharing the width, so the actions stay in view at 1280 pixels.
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.getColumns().forEach(column -> column.setAutoWidth(false).setFlexGrow(1));
        grid.addColumn(person -> secondFactors.containsKey(person.username())
                        ? getTranslation("users.second-factor." + secondFactors.get(person.username()).name()) : "")
                .setHeader(getTranslation("users.second-factor"));
        grid.addComponentColumn(person -> actions(administration, person))
                .setHeader(getTranslation("users.actions")).setWidth("17rem").setFlexGrow(0);
        grid.setId("users-grid");
        var heading = new Div(new H2(getTranslation("users.title")), add);
        heading.addClassName("page-heading");
        unsupervised.addClassName("warning-panel");
        unsupervised.setId("unsupervised-caseloads");
        add(heading, intro, unsupervised, grid);
        refresh();
    }

    private Div actions(UserAdministration administration, PersonRow person) {
        var edit = new Button(getTranslation("users.action.edit"), click ->
                new EditUserDialog(administration, person.username(), this::changed).open());
        edit.setId("edit-" + person.username());
        var password = new Button(getTranslation("users.action.password"), click ->
                new SetPasswordDialog(administration, person, awaiting -> confirm(getTranslation(
                        awaiting ? "users.password.awaiting" : "users.password.set", person.displayName()))).open());
        password.setId("password-" + person.username());
        var actions = new Div(edit, password);
        if (secondFactors.get(person.username()) == SecondFactorStanding.SET_UP) {
            var reset = new Button(getTranslation("users.action.second-factor"), click -> {
                try {
                    administration.resetSecondFactor(person.username());
                    changed(getTranslation("users.second-factor.asked", person.displayName()));
                } catch (InvalidEntryException refused) {
                    confirm(String.join(" ", refused.fieldErrors().values()));
                }
            });
            reset.setId("second-factor-" + person.username());
            actions.add(reset);
        }
        if (person.roles().contains(Role.SUPERVISOR)) {
            var supervisees = new Button(getTranslation("users.action.supervisees"), click ->
                    new SuperviseesDialog(administration, person, awaiting -> changed(awaiting == 0
                            ? getTranslation("users.saved", person.displayName())
                            : getTranslation("users.supervisees.awaiting", person.displayName(), awaiting))).open());
            supervisees.setId("supervisees-" + person.username());
            actions.add(supervisees);
        }
        actions.getChildren().forEach(button -> ((Button) button).addThemeVariants(ButtonVariant.LUMO_SMALL,
                ButtonVariant.LUMO_TERTIARY_INLINE));
        actions.addClassName("row-actions");
        return actions;
    }

    private void changed(String message) {
        refresh();
        confirm(message);
    }

    private void refresh() {
        secondFactors = directory.secondFactors();
        var people = directory.everyone();
        grid.setItems(people);
        intro.setText(getTranslation("users.intro", people.size()) + " " + getTranslation("users.help"));
        showUnsupervised();
    }

    /** Every caseload needs a reviewer: each one without is named, with the way to give it one. */
    private void showUnsupervised() {
        unsupervised.removeAll();
        var caseloads = administration.unsupervisedCaseloads();
        unsupervised.setVisible(!caseloads.isEmpty());
        if (caseloads.isEmpty()) {
            return;
        }
        var list = new UnorderedList();
        for (var caseload : caseloads) {
            var username = caseload.username().value();
            var assign = new Button(getTranslation("users.unsupervised.assign"), click -> new AssignSupervisorDialog(
                    administration, caseload, supervisor -> changed(getTranslation("users.assigned.awaiting",
                            supervisor.displayName(), caseload.displayName()))).open());
            assign.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
            assign.setId("assign-supervisor-" + username);
            var item = new ListItem(new Span(getTranslation("users.unsupervised.item", caseload.displayName(), username,
                    caseload.openCases())), assign);
            item.addClassName("unsupervised-caseload");
            list.add(item);
        }
        unsupervised.add(new H3(getTranslation("users.unsupervised.title", caseloads.size())),
                new Paragraph(getTranslation("users.unsupervised.why")), list);
    }

    private static void confirm(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START).setId("users-notification");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " · " + getTranslation("app.name");
    }
}
