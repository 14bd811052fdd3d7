package org.unstuck.web.credential;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.credential.CpdEntry;
import org.unstuck.domain.credential.Credential;
import org.unstuck.domain.credential.CredentialType;
import org.unstuck.domain.measure.Scores;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.common.Labels;

/**
 * One therapist's credentials and CPD with their compliance. The practice manager adds, renews and
 * verifies; the therapist adds CPD; a supervisor reads.
 */
@Route("credentials/:username")
@RolesAllowed({"PRACTICE_MANAGER", "THERAPIST", "SUPERVISOR"})
public class TherapistCredentialsView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final CredentialService service;
    private String username = "";
    private String title = "";

    TherapistCredentialsView(CredentialService service) {
        this.service = service;
        addClassName("page");
        setId("therapist-credentials");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        username = event.getRouteParameters().get("username").orElse("");
        try {
            show();
        } catch (TherapistNotFoundException notFound) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void show() {
        var page = service.of(username);
        removeAll();
        title = page.displayName();

        var summary = new HorizontalLayout();
        summary.addClassName("wrap-row");
        summary.setId("compliance-summary");
        page.compliance().requirements().forEach(requirement -> summary.add(new ComplianceBadge(requirement.status(),
                getTranslation("credential.type." + requirement.type().name()))));
        summary.add(new ComplianceBadge(page.compliance().cpd().status(), getTranslation("credentials.cpd.hours",
                Scores.format(page.compliance().cpd().hoursDone()), Scores.format(page.compliance().cpd().hoursRequired()))));
        var mayTakeCases = new Paragraph(getTranslation(page.compliance().mayTakeNewCases()
                ? "credentials.may-take-cases" : "credentials.may-not-take-cases"));
        mayTakeCases.setId("may-take-cases");

        var credentials = new Grid<Credential>();
        credentials.setId("credential-list");
        credentials.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        credentials.addColumn(credential -> getTranslation("credential.type." + credential.type().name()))
                .setHeader(getTranslation("credentials.type")).setAutoWidth(true);
        credentials.addComponentColumn(credential -> {
            var name = new Span(credential.title() + (credential.number().isEmpty() ? "" : " · " + credential.number()));
            var issuer = new Span(credential.issuingBody() + " · " + credential.jurisdiction());
            issuer.addClassName("legend");
            var cell = new Div(name, issuer);
            cell.addClassName("two-lines");
            return cell;
        }).setHeader(getTranslation("credentials.credential")).setWidth("16rem").setFlexGrow(1);
        credentials.addColumn(credential -> Labels.date(credential.validFrom()) + " – "
                        + (credential.validTo() == null ? getTranslation("credentials.no-end") : Labels.date(credential.validTo())))
                .setHeader(getTranslation("credentials.valid")).setAutoWidth(true);
        credentials.addColumn(credential -> credential.verification() == null ? getTranslation("credentials.unverified")
                        : getTranslation("credentials.verified", credential.verification().evidence(),
                                Labels.date(credential.verification().verifiedAt().atZone(ZoneOffset.UTC).toLocalDate())))
                .setHeader(getTranslation("credentials.verification")).setWidth("11rem").setFlexGrow(0);
        if (page.mayManage()) {
            var latest = new HashMap<CredentialType, Credential>();
            page.credentials().forEach(credential -> latest.merge(credential.type(), credential,
                    (a, b) -> endOf(a).isAfter(endOf(b)) ? a : b));
            credentials.addComponentColumn(credential -> actions(credential, latest.get(credential.type()) == credential))
                    .setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        credentials.setItems(page.credentials().stream()
                .sorted(Comparator.comparing(Credential::type)
                        .thenComparing(credential -> credential.validTo() == null ? LocalDate.MAX : credential.validTo(),
                                Comparator.reverseOrder()))
                .toList());
        credentials.setAllRowsVisible(true);

        var cpd = new Grid<CpdEntry>();
        cpd.setId("cpd-list");
        cpd.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        cpd.addColumn(entry -> Labels.date(entry.date())).setHeader(getTranslation("cpd.date")).setAutoWidth(true);
        cpd.addColumn(entry -> Scores.format(entry.hours())).setHeader(getTranslation("cpd.hours")).setAutoWidth(true);
        cpd.addColumn(CpdEntry::topic).setHeader(getTranslation("cpd.topic")).setFlexGrow(1);
        cpd.setItems(page.cpd().reversed());
        cpd.setAllRowsVisible(true);
        cpd.setEmptyStateText(getTranslation("cpd.empty"));

        var credentialHeading = new HorizontalLayout(new H3(getTranslation("credentials.on-file")));
        credentialHeading.setAlignItems(HorizontalLayout.Alignment.CENTER);
        if (page.mayManage()) {
            var add = new Button(getTranslation("credentials.add"), VaadinIcon.PLUS.create(), click -> addDialog().open());
            add.setId("add-credential");
            credentialHeading.add(add);
        }
        var cpdHeading = new HorizontalLayout(new H3(getTranslation("cpd.title")));
        cpdHeading.setAlignItems(HorizontalLayout.Alignment.CENTER);
        if (page.mayAddCpd()) {
            var add = new Button(getTranslation("cpd.add"), VaadinIcon.PLUS.create(), click -> cpdDialog().open());
            add.setId("add-cpd");
            cpdHeading.add(add);
        }
        add(new H2(getTranslation("credentials.of", page.displayName())), summary, mayTakeCases,
                new Section(credentialHeading, credentials), new Section(cpdHeading, cpd));
    }

    private static LocalDate endOf(Credential credential) {
        return credential.validTo() == null ? LocalDate.MAX : credential.validTo();
    }

    /** Only the latest credential of a kind is renewed; earlier ones are history. */
    private Component actions(Credential credential, boolean latestOfItsKind) {
        var renew = new Button(getTranslation("credentials.renew"), click -> renewDialog(credential).open());
        renew.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        renew.setId("renew-" + credential.id());
        renew.setVisible(credential.validTo() != null && latestOfItsKind);
        var verify = new Button(getTranslation("credentials.verify"), click -> verifyDialog(credential).open());
        verify.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        verify.setId("verify-" + credential.id());
        verify.setVisible(credential.verification() == null);
        var actions = new Div(renew, verify);
        actions.addClassNames("two-lines", "cell-actions");
        return actions;
    }

    private Dialog renewDialog(Credential credential) {
        var dialog = new Dialog(getTranslation("credentials.renew.title", getTranslation("credential.type." + credential.type().name())));
        var until = new DatePicker(getTranslation("credentials.renew.until"));
        until.setId("renew-until");
        if (credential.validTo() != null) {
            until.setMin(credential.validTo().plusDays(1));
            until.setValue(service.today().plusYears(1).isAfter(credential.validTo()) ? service.today().plusYears(1)
                    : credential.validTo().plusYears(1));
        }
        dialog.add(new Paragraph(getTranslation("credentials.renew.intro")), until);
        var save = new Button(getTranslation("credentials.renew"), click -> {
            try {
                service.renew(username, credential.id(), until.getValue());
                dialog.close();
                show();
            } catch (InvalidEntryException invalid) {
                until.setErrorMessage(invalid.getMessage());
                until.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-renewal");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        return dialog;
    }

    private Dialog verifyDialog(Credential credential) {
        var dialog = new Dialog(getTranslation("credentials.verify.title"));
        var evidence = new TextField(getTranslation("credentials.verify.evidence"));
        evidence.setWidthFull();
        evidence.setHelperText(getTranslation("credentials.verify.evidence.help"));
        evidence.setId("verify-evidence");
        dialog.add(evidence);
        var save = new Button(getTranslation("credentials.verify"), click -> {
            try {
                service.verify(username, credential.id(), evidence.getValue());
                dialog.close();
                show();
            } catch (InvalidEntryException invalid) {
                evidence.setErrorMessage(invalid.getMessage());
                evidence.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-verification");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        return dialog;
    }

    private Dialog addDialog() {
        var dialog = new Dialog(getTranslation("credentials.add"));
        var type = new ComboBox<CredentialType>(getTranslation("credentials.type"));
        type.setItems(CredentialType.values());
        type.setItemLabelGenerator(value -> getTranslation("credential.type." + value.name()));
        var title = new TextField(getTranslation("credentials.title-field"));
        var number = new TextField(getTranslation("credentials.number"));
        var body = new TextField(getTranslation("credentials.body"));
        var jurisdiction = new TextField(getTranslation("credentials.jurisdiction"));
        var from = new DatePicker(getTranslation("credentials.from"));
        var to = new DatePicker(getTranslation("credentials.to"));
        var refusal = new Paragraph();
        refusal.addClassName("form-refusal");
        dialog.add(refusal, new FormLayout(type, title, number, body, jurisdiction, from, to));
        var save = new Button(getTranslation("credentials.add"), click -> {
            try {
                service.add(username, new CredentialEntry(type.getValue(), title.getValue(), number.getValue(), body.getValue(),
                        jurisdiction.getValue(), from.getValue(), to.getValue()));
                dialog.close();
                show();
            } catch (InvalidEntryException invalid) {
                refusal.setText(invalid.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        return dialog;
    }

    private Dialog cpdDialog() {
        var dialog = new Dialog(getTranslation("cpd.add"));
        var date = new DatePicker(getTranslation("cpd.date"), service.today());
        date.setMax(service.today());
        var hours = new NumberField(getTranslation("cpd.hours"));
        hours.setStep(0.5);
        hours.setId("cpd-hours");
        var topic = new TextField(getTranslation("cpd.topic"));
        topic.setId("cpd-topic");
        var refusal = new Paragraph();
        refusal.addClassName("form-refusal");
        dialog.add(refusal, new FormLayout(date, hours, topic));
        var save = new Button(getTranslation("cpd.add"), click -> {
            try {
                @Nullable Double value = hours.getValue();
                service.addCpd(username, date.getValue(), value == null ? 0 : value, topic.getValue());
                dialog.close();
                show();
            } catch (InvalidEntryException invalid) {
                refusal.setText(invalid.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-cpd");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        return dialog;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
