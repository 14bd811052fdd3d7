package org.unstuck.domain.progress;

import org.unstuck.domain.Versioned;

/** The practice's review settings. */
public interface PracticeSettings {

    Versioned<ReviewSettings> reviewSettings();

    /**
     * Saves new settings over the version they were edited from.
     *
     * @throws org.unstuck.domain.ConcurrentChangeException when someone saved other settings in between
     */
    Versioned<ReviewSettings> save(ReviewSettings settings, long editedFromVersion);
}
