package org.unstuck.domain.progress;

/** What made a case's assessment change, kept with each entry of its history. */
public enum AssessmentCause {
    CASE_OPENED,
    SESSION,
    NOTE,
    DECISION,
    REFERRAL,
    CREDENTIAL,
    IMPORT,
    SETTINGS,
    NIGHTLY,
    CASE_CLOSED,
    /** The assessment stored before histories were kept. */
    HISTORY
}
