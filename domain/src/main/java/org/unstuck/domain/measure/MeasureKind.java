package org.unstuck.domain.measure;

/** What a measure tracks. */
public enum MeasureKind {
    /** Symptoms, distress or functioning: the primary measure of a case. */
    OUTCOME,
    /** The therapist–client bond, rated by the client after each session. */
    ALLIANCE
}
