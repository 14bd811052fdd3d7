package org.unstuck.domain.progress;

/** The practice's review settings. */
public interface PracticeSettings {

    ReviewSettings reviewSettings();

    void save(ReviewSettings settings);
}
