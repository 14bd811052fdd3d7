package org.unstuck.web.settings;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.Versioned;
import org.unstuck.domain.measure.Measure;
import org.unstuck.domain.measure.Measures;
import org.unstuck.domain.progress.PracticeSettings;
import org.unstuck.domain.progress.ReviewSettings;
import org.unstuck.persistence.progress.CaseProgressUpdater;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.common.InvalidEntryException;

/** The admin's practice settings; saving new thresholds re-assesses every open case in the same transaction. */
@Service
@Transactional
public class SettingsService {

    private final PracticeSettings settings;
    private final Measures measures;
    private final CaseProgressUpdater progress;
    private final AuditRecorder audit;

    SettingsService(PracticeSettings settings, Measures measures, CaseProgressUpdater progress, AuditRecorder audit) {
        this.settings = settings;
        this.measures = measures;
        this.progress = progress;
        this.audit = audit;
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
        var reassessed = progress.recomputeAllOpenCases();
        audit.allowed("settings.save", null, reassessed + " cases re-assessed");
        return reassessed;
    }
}
