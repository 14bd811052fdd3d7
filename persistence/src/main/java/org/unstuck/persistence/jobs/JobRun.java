package org.unstuck.persistence.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One attempt of a job: when and where it ran, how far it got, and how it ended. */
public record JobRun(long id, String jobName, LocalDate runFor, int attempt, String node, Instant startedAt,
        @Nullable Instant finishedAt, @Nullable Long resumedAfter, @Nullable Long lastCaseId, int casesAssessed,
        int casesChanged, Outcome outcome, @Nullable String error) {

    public enum Outcome { RUNNING, SUCCEEDED, FAILED, INTERRUPTED }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    /** The outcome as a lower-case word, for message keys. */
    public String outcomeKey() {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    public Optional<Duration> duration() {
        return Optional.ofNullable(finishedAt).map(end -> Duration.between(startedAt, end));
    }

    /** Where the next attempt of the same day continues: after the last case this one finished. */
    public @Nullable Long checkpoint() {
        return lastCaseId != null ? lastCaseId : resumedAfter;
    }
}
