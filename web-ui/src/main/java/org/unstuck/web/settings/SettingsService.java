package org.unstuck.web.settings;

import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.unstuck.domain.caseload.CaseOpeningPolicies;
import org.unstuck.domain.caseload.CaseOpeningPolicy;
import org.unstuck.domain.practice.PracticeTimeZone;
import org.unstuck.domain.progress.AssessmentCause;
import org.unstuck.domain.Versioned;
import org.unstuck.domain.measure.Measure;
import org.unstuck.domain.measure.Measures;
import org.unstuck.domain.progress.PracticeSettings;
import org.unstuck.domain.progress.ReviewSettings;
import org.unstuck.persistence.progress.CaseProgressUpdater;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.common.PracticeClock;
import org.unstuck.web.jobs.JobsService;

/** The admin's practice settings; saving new thresholds re-assesses every open case in the same transaction. */
@Service
@Transactional
public class SettingsService {

    private final PracticeSettings settings;
    private final Measures measures;
    private final CaseProgressUpdater progress;
    private final AuditRecorder audit;
    private final PracticeTimeZone timeZone;
    private final PracticeClock clock;
    private final JobsService jobs;
    private final CaseOpeningPolicies openingPolicy;

    SettingsService(PracticeSettings settings, Measures measures, CaseProgressUpdater progress, AuditRecorder audit,
            PracticeTimeZone timeZone, PracticeClock clock, JobsService jobs, CaseOpeningPolicies openingPolicy) {
        this.jobs = jobs;
        this.openingPolicy = openingPolicy;
        this.settings = settings;
        this.measures = measures;
        this.progress = progress;
        this.audit = audit;
        this.timeZone = timeZone;
        this.clock = clock;
    }

    /** The practice's own zone, or none when its days follow the server's. */
    @RolesAllowed("ADMIN")
    @Transactional(readOnly = true)
    public Versioned<Optional<ZoneId>> timeZone() {
        return timeZone.timeZone();
    }

    /** The zone the server runs in, which the practice follows when it has set none. */
    @RolesAllowed("ADMIN")
    public ZoneId serverZone() {
        return ZoneId.systemDefault();
    }

    /**
     * Sets the practice's time zone by its name (such as Europe/Madrid), or back to the server's
     * zone when blank; returns the zone the practice's days now follow.
     */
    @RolesAllowed("ADMIN")
    public ZoneId saveTimeZone(@Nullable String name, long editedFromVersion) {
        ZoneId zone = null;
        if (name != null && !name.isBlank()) {
            // Region names only: the database knows these, and a region follows its summer time.
            if (!ZoneId.getAvailableZoneIds().contains(name.strip())) {
                throw new InvalidEntryException(Map.of("timeZone",
                        "Choose a time zone from the list, such as Europe/Madrid, or leave it empty for the server's zone."));
            }
            zone = ZoneId.of(name.strip());
        }
        timeZone.save(zone, editedFromVersion);
        var effective = zone == null ? serverZone() : zone;
        audit.allowed("settings.time-zone", null, effective.getId());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                clock.zoneChanged(effective);
                jobs.followPracticeZone();
            }
        });
        return effective;
    }

    /** How many months back a new case may be dated. */
    @RolesAllowed("ADMIN")
    @Transactional(readOnly = true)
    public int caseOpeningMonths() {
        return openingPolicy.current().earliestMonthsBack();
    }

    @RolesAllowed("ADMIN")
    public void saveCaseOpeningMonths(@Nullable Integer months) {
        CaseOpeningPolicy policy;
        try {
            policy = new CaseOpeningPolicy(Objects.requireNonNull(months, "months"));
        } catch (IllegalArgumentException | NullPointerException refused) {
            throw new InvalidEntryException(Map.of("caseOpeningMonths", "Enter how many months back a case may be "
                    + "opened, from " + CaseOpeningPolicy.MIN_MONTHS + " to " + CaseOpeningPolicy.MAX_MONTHS + "."));
        }
        openingPolicy.change(policy);
        audit.allowed("settings.case-opening", null, months + " months");
    }

    @RolesAllowed("ADMIN")
    @Transactional(readOnly = true)
    public Versioned<ReviewSettings> reviewSettings() {
        return settings.reviewSettings();
    }

    @RolesAllowed("ADMIN")
    @Transactional(readOnly = true)
    public List<Measure> measures() {
        return measures.catalogue().all();
    }

    /**
     * Saves the thresholds over the version they were edited from and re-assesses every open case;
     * returns how many were re-assessed.
     *
     * @throws org.unstuck.domain.ConcurrentChangeException when someone saved settings in between
     */
    @RolesAllowed("ADMIN")
    public int save(ReviewSettingsEntry entry, long editedFromVersion) {
        ReviewSettings valid;
        try {
            valid = entry.toSettings();
        } catch (IllegalArgumentException | NullPointerException refused) {
            throw new InvalidEntryException(Map.of("settings", refused.getMessage() == null
                    ? "Fill in every threshold." : refused.getMessage() + "."));
        }
        settings.save(valid, editedFromVersion);
        var reassessed = progress.recomputeAllOpenCases(AssessmentCause.SETTINGS);
        audit.allowed("settings.save", null, reassessed + " cases re-assessed");
        return reassessed;
    }
}
