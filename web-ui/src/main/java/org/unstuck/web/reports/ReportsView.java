package org.unstuck.web.reports;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.practice.Role;
import org.unstuck.web.common.BackgroundWork;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.common.PreparedReport;
import org.unstuck.web.common.ReportPeriod;
import org.unstuck.web.common.Texts;
import org.unstuck.web.credential.CredentialService;
import org.unstuck.web.review.FollowUpService;
import org.unstuck.web.review.WhatWorksPanel;
import org.unstuck.web.security.CurrentActor;

/**
 * The reports of the practice for a chosen period: caseload health, and decisions with what works
 * — the single decisions for a supervisor's team, the summary alone for the practice manager —
 * with its figures on screen for the chosen period; and, for the practice manager, credential
 * compliance. Each is built on request with a progress
 * bar, then downloaded as PDF and CSV.
 */
@Route("reports")
@RolesAllowed({"SUPERVISOR", "PRACTICE_MANAGER"})
public class ReportsView extends Main implements HasDynamicTitle {

    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Clock clock;

    ReportsView(ReportService reports, FollowUpService followUps, CredentialService credentials, CurrentActor currentActor,
            BackgroundWork background, Clock clock) {
        this.clock = clock;
        addClassName("page");
        var today = LocalDate.now(clock);
        var texts = Texts.of(this);
        var words = texts.reports();
        var lastYear = ReportPeriod.lastYear(today);
        from.setLabel(getTranslation("reports.from"));
        from.setId("report-from");
        from.setValue(lastYear.from());
        from.setMax(today);
        to.setLabel(getTranslation("reports.to"));
        to.setId("report-to");
        to.setValue(today);
        to.setMax(today);
        var period = new HorizontalLayout(from, to, preset("reports.preset.quarter", today.minusMonths(3).plusDays(1), today),
                preset("reports.preset.year", lastYear.from(), today),
                preset("reports.preset.calendar-year", today.withDayOfYear(1), today));
        period.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        period.addClassName("wrap-row");
        period.setId("report-period");

        add(new H2(getTranslation("reports.title")), new Paragraph(getTranslation("reports.intro")), period);
        add(report("reports.health", "reports.health.about",
                new PreparedReport("report-health", getTranslation("reports.health.prepare"), background, () -> job(chosen -> {
                    var report = reports.caseloadHealth(chosen);
                    return List.of(PreparedReport.pdf(fileName("caseload-health", chosen), report.toPdf(words)),
                            PreparedReport.csv(fileName("caseload-health", chosen), report.toCsv()));
                }))));
        var supervisor = currentActor.actor().is(Role.SUPERVISOR);
        add(report("reports.decisions", supervisor ? "reports.decisions.about.supervisor" : "reports.decisions.about.manager",
                new PreparedReport("report-decisions", getTranslation("reports.decisions.prepare"), background, () -> job(chosen -> {
                    var report = followUps.decisionReport(chosen, texts);
                    var name = supervisor ? "decisions" : "what-works";
                    return List.of(PreparedReport.pdf(fileName(name, chosen), report.toPdf(words)),
                            PreparedReport.csv(fileName(name, chosen), report.toCsv(words)));
                }))));
        var works = new WhatWorksPanel("reports-what-works", supervisor,
                getTranslation(supervisor ? "what-works.empty.period" : "what-works.empty.manager"));
        showWhatWorks(followUps, works);
        from.addValueChangeListener(change -> showWhatWorks(followUps, works));
        to.addValueChangeListener(change -> showWhatWorks(followUps, works));
        var whatWorks = new Section(new H3(getTranslation("reports.what-works")),
                new Paragraph(getTranslation("reports.what-works.about")), works);
        whatWorks.addClassName("report-section");
        add(whatWorks);
        if (currentActor.actor().is(Role.PRACTICE_MANAGER)) {
            add(report("reports.compliance", "reports.compliance.about",
                    new PreparedReport("report-compliance", getTranslation("reports.compliance.prepare"), background,
                            () -> () -> {
                        var report = credentials.complianceReport();
                        var name = "credential-compliance-" + report.asOf();
                        return List.of(PreparedReport.pdf(name, report.toPdf(words)), PreparedReport.csv(name, report.toCsv()));
                    })));
        }
    }

    /** The what-works figures of the period on screen; the figures stay as they were while a date is wrong. */
    private void showWhatWorks(FollowUpService followUps, WhatWorksPanel works) {
        if (from.getValue() == null || to.getValue() == null) {
            return;
        }
        try {
            works.show(followUps.whatWorks(ReportPeriod.of(from.getValue(), to.getValue(), LocalDate.now(clock))));
        } catch (InvalidEntryException refused) {
            // The report buttons mark the wrong date; the figures shown stay those of the last valid period.
        }
    }

    private interface PeriodReport {
        List<PreparedReport.File> build(ReportPeriod period);
    }

    /** The job for the period on screen, or null with the wrong date marked. */
    private PreparedReport.@Nullable Job job(PeriodReport report) {
        try {
            var chosen = ReportPeriod.of(from.getValue(), to.getValue(), LocalDate.now(clock));
            from.setInvalid(false);
            to.setInvalid(false);
            return () -> report.build(chosen);
        } catch (InvalidEntryException refused) {
            from.setErrorMessage(refused.fieldErrors().get("from"));
            from.setInvalid(refused.fieldErrors().containsKey("from"));
            to.setErrorMessage(refused.fieldErrors().get("to"));
            to.setInvalid(refused.fieldErrors().containsKey("to"));
            return null;
        }
    }

    private Button preset(String key, LocalDate first, LocalDate last) {
        var button = new Button(getTranslation(key), click -> {
            from.setValue(first);
            to.setValue(last);
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private Section report(String titleKey, String aboutKey, PreparedReport report) {
        var section = new Section(new H3(getTranslation(titleKey)), new Paragraph(getTranslation(aboutKey)), report);
        section.addClassName("report-section");
        return section;
    }

    private static String fileName(String report, ReportPeriod period) {
        return report + "-" + period.from() + "-to-" + period.to();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reports.title") + " · " + getTranslation("app.name");
    }
}
