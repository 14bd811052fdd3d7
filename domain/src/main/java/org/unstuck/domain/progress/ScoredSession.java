package org.unstuck.domain.progress;

import java.time.LocalDate;

/**
 * A score at an attended session.
 *
 * @param sessionNumber the session's place among the case's attended sessions, from 1
 */
public record ScoredSession(int sessionNumber, LocalDate date, double value) {
}
