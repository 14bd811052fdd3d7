package org.unstuck.web.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.caseload.CaseOpeningPolicy;
import org.unstuck.domain.measure.Direction;
import org.unstuck.domain.measure.Measure;
import org.unstuck.domain.measure.MeasureItems;
import org.unstuck.domain.measure.Scores;
import org.unstuck.domain.progress.ReviewSettings;
import org.unstuck.web.common.InvalidEntryException;

/**
 * The practice's stall-rule thresholds, each beside its published default, and the measure
 * catalogue with the source of every number; unconfirmed defaults say so.
 */
@Route("admin/settings")
@RolesAllowed("ADMIN")
public class SettingsView extends Main implements HasDynamicTitle {

    private record Threshold(String key, Function<ReviewSettingsEntry, Number> value, boolean whole) {
    }

    private static final List<Threshold> THRESHOLDS = List.of(
            new Threshold("noImprovementAfterSessions", ReviewSettingsEntry::noImprovementAfterSessions, true),
            new Threshold("allianceDropPoints", ReviewSettingsEntry::allianceDropPoints, false),
            new Threshold("allianceSessionsBelowCutoffForStalled", ReviewSettingsEntry::allianceSessionsBelowCutoffForStalled, true),
            new Threshold("attendanceWindow", ReviewSettingsEntry::attendanceWindow, true),
            new Threshold("attendanceMinimumScheduled", ReviewSettingsEntry::attendanceMinimumScheduled, true),
            new Threshold("minimumAttendanceRate", ReviewSettingsEntry::minimumAttendanceRate, false),
            new Threshold("noShowsInARow", ReviewSettingsEntry::noShowsInARow, true),
            new Threshold("homeworkWindow", ReviewSettingsEntry::homeworkWindow, true),
            new Threshold("homeworkNotDoneCount", ReviewSettingsEntry::homeworkNotDoneCount, true),
            new Threshold("driftWatchDays", ReviewSettingsEntry::driftWatchDays, true),
            new Threshold("driftStalledDays", ReviewSettingsEntry::driftStalledDays, true),
            new Threshold("offTrackSessionsForStalled", ReviewSettingsEntry::offTrackSessionsForStalled, true),
            new Threshold("trajectoryMinimumCases", ReviewSettingsEntry::trajectoryMinimumCases, true),
            new Threshold("trajectoryToleranceZ", ReviewSettingsEntry::trajectoryToleranceZ, false));

    private final SettingsService service;
    private final Map<String, NumberField> fields = new LinkedHashMap<>();
    private final Paragraph outcome = new Paragraph();
    private final ComboBox<String> zone = new ComboBox<>();
    private final Paragraph zoneOutcome = new Paragraph();
    private final IntegerField openingMonths = new IntegerField();
    private final Paragraph openingOutcome = new Paragraph();
    private long version;
    private long zoneVersion;

    SettingsView(SettingsService service) {
        this.service = service;
        addClassName("page");
        setId("settings-view");
        var defaults = ReviewSettingsEntry.of(ReviewSettings.defaults());
        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40rem", 2));
        for (var threshold : THRESHOLDS) {
            var field = new NumberField(getTranslation("settings." + threshold.key()));
            field.setHelperText(getTranslation("settings.default", Scores.format(threshold.value().apply(defaults).doubleValue())));
            field.setStep(threshold.whole() ? 1 : 0.01);
            field.setId("setting-" + threshold.key());
            fields.put(threshold.key(), field);
            form.add(field);
        }
        load();
        outcome.setId("settings-outcome");
        var save = new Button(getTranslation("settings.save"), click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-settings");

        var measures = new Grid<Measure>();
        measures.setId("measures-grid");
        measures.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        measures.addColumn(measure -> measure.code().value()).setHeader(getTranslation("settings.measure")).setAutoWidth(true);
        measures.addColumn(measure -> Scores.format(measure.range().min()) + "–" + Scores.format(measure.range().max()))
                .setHeader(getTranslation("settings.range")).setAutoWidth(true);
        measures.addColumn(measure -> getTranslation(measure.betterWhen() == Direction.LOWER_IS_BETTER
                ? "chart.lower-better" : "chart.higher-better")).setHeader(getTranslation("settings.better")).setAutoWidth(true);
        measures.addColumn(measure -> measure.cutoff().describe()).setHeader(getTranslation("settings.cutoff")).setAutoWidth(true);
        measures.addColumn(measure -> measure.reliableChange() == null ? "–" : Scores.format(measure.reliableChange().points()))
                .setHeader(getTranslation("settings.reliable-change")).setAutoWidth(true);
        measures.addColumn(this::riskRule).setHeader(getTranslation("settings.risk-item")).setFlexGrow(1);
        measures.addColumn(measure -> measure.source() + (measure.defaultsConfirmed() ? "" : " — " + getTranslation("settings.unconfirmed")))
                .setHeader(getTranslation("settings.source")).setFlexGrow(1);
        measures.setItems(service.measures());
        measures.setAllRowsVisible(true);

        zone.setLabel(getTranslation("settings.time-zone"));
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setClearButtonVisible(true);
        zone.setPlaceholder(getTranslation("settings.time-zone.server", service.serverZone().getId()));
        zone.setHelperText(getTranslation("settings.time-zone.help", service.serverZone().getId()));
        zone.setWidth("24rem");
        zone.setId("setting-time-zone");
        loadZone();
        var saveZone = new Button(getTranslation("settings.time-zone.save"), click -> saveZone());
        saveZone.setId("save-time-zone");
        zoneOutcome.setId("time-zone-outcome");

        openingMonths.setLabel(getTranslation("settings.case-opening"));
        openingMonths.setHelperText(getTranslation("settings.case-opening.help", CaseOpeningPolicy.defaults().earliestMonthsBack()));
        openingMonths.setMin(CaseOpeningPolicy.MIN_MONTHS);
        openingMonths.setMax(CaseOpeningPolicy.MAX_MONTHS);
        openingMonths.setStepButtonsVisible(true);
        openingMonths.setId("setting-case-opening-months");
        openingMonths.setValue(service.caseOpeningMonths());
        var saveOpening = new Button(getTranslation("settings.case-opening.save"), click -> saveOpening());
        saveOpening.setId("save-case-opening");
        openingOutcome.setId("case-opening-outcome");

        add(new H2(getTranslation("settings.title")), new H3(getTranslation("settings.time-zone.title")), zone, saveZone,
                zoneOutcome, new H3(getTranslation("settings.case-opening.title")), openingMonths, saveOpening, openingOutcome,
                new H3(getTranslation("settings.thresholds")),
                new Paragraph(getTranslation("settings.intro")), form, save, outcome,
                new H3(getTranslation("settings.measures")), new Paragraph(getTranslation("settings.measures.intro")), measures);
    }

    /** "Item 9 (…) at 1 or more — source", saying when the rule is not confirmed; "–" without a critical item. */
    private String riskRule(Measure measure) {
        return measure.itemsIfDefined().map(MeasureItems::risk).map(rule -> getTranslation("settings.risk-item.rule",
                        rule.item(), rule.label(), rule.atLeast(), rule.source())
                        + (rule.confirmed() ? "" : " — " + getTranslation("settings.unconfirmed")))
                .orElse("–");
    }

    private void load() {
        var current = service.reviewSettings();
        version = current.version();
        var entry = ReviewSettingsEntry.of(current.value());
        for (var threshold : THRESHOLDS) {
            fields.get(threshold.key()).setValue(threshold.value().apply(entry).doubleValue());
        }
    }

    private void loadZone() {
        var current = service.timeZone();
        zoneVersion = current.version();
        zone.setValue(current.value().map(ZoneId::getId).orElse(null));
    }

    private void saveZone() {
        try {
            var effective = service.saveTimeZone(zone.getValue(), zoneVersion);
            zoneOutcome.setText(getTranslation("settings.time-zone.saved", effective.getId()));
            zoneOutcome.removeClassName("form-refusal");
            zone.setInvalid(false);
            loadZone();
        } catch (InvalidEntryException refused) {
            zone.setErrorMessage(refused.fieldErrors().getOrDefault("timeZone", refused.getMessage()));
            zone.setInvalid(true);
            zoneOutcome.setText("");
        } catch (ConcurrentChangeException refused) {
            zoneOutcome.setText(refused.getMessage());
            zoneOutcome.addClassName("form-refusal");
        }
    }

    private void saveOpening() {
        try {
            service.saveCaseOpeningMonths(openingMonths.getValue());
            openingMonths.setInvalid(false);
            openingOutcome.setText(getTranslation("settings.case-opening.saved", openingMonths.getValue()));
        } catch (InvalidEntryException refused) {
            openingMonths.setErrorMessage(refused.fieldErrors().getOrDefault("caseOpeningMonths", refused.getMessage()));
            openingMonths.setInvalid(true);
            openingOutcome.setText("");
        }
    }

    private void save() {
        try {
            var count = service.save(new ReviewSettingsEntry(whole("noImprovementAfterSessions"), decimal("allianceDropPoints"),
                    whole("allianceSessionsBelowCutoffForStalled"), whole("attendanceWindow"),
                    whole("attendanceMinimumScheduled"), decimal("minimumAttendanceRate"), whole("noShowsInARow"),
                    whole("homeworkWindow"), whole("homeworkNotDoneCount"), whole("driftWatchDays"),
                    whole("driftStalledDays"), whole("offTrackSessionsForStalled"), whole("trajectoryMinimumCases"),
                    decimal("trajectoryToleranceZ")), version);
            outcome.setText(getTranslation("settings.saved", count));
            outcome.removeClassName("form-refusal");
            load();
        } catch (InvalidEntryException | ConcurrentChangeException refused) {
            outcome.setText(refused.getMessage());
            outcome.addClassName("form-refusal");
        }
    }

    private Integer whole(String key) {
        var value = fields.get(key).getValue();
        return value == null ? null : (int) Math.round(value);
    }

    private Double decimal(String key) {
        return fields.get(key).getValue();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("settings.title") + " · " + getTranslation("app.name");
    }
}
