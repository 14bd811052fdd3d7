package org.unstuck.persistence.board;

import java.time.LocalDate;

/** One score of a case's trajectory: which attended session (from 1), its date, the measure and the score. */
public record TrajectoryPoint(int sessionNumber, LocalDate date, String measureCode, double score) {
}
