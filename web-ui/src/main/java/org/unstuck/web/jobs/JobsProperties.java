package org.unstuck.web.jobs;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the durable jobs run ({@code unstuck.jobs.*}).
 *
 * @param schedulerEnabled whether this node takes jobs; jobs stay scheduled in the database either way
 * @param pollingInterval how often this node looks for due jobs
 * @param heartbeatInterval how often a node running a job says it is alive
 * @param missedHeartbeats heartbeats missed before a job's node counts as dead and another node runs the job again
 * @param retryBackoff the wait before the first retry of a failed run; it doubles with each further failure
 * @param maxRetries retries of a failed run before it waits for its next scheduled time
 * @param batchSize cases re-assessed in one transaction by the nightly re-assessment
 * @param parallelBatches batches of the nightly re-assessment run at once, each on its own connection
 * @param nodeName this node's name in the job records; the host name when not set
 */
@ConfigurationProperties("unstuck.jobs")
public record JobsProperties(
        @DefaultValue("true") boolean schedulerEnabled,
        @DefaultValue("10s") Duration pollingInterval,
        @DefaultValue("1m") Duration heartbeatInterval,
        @DefaultValue("6") int missedHeartbeats,
        @DefaultValue("5m") Duration retryBackoff,
        @DefaultValue("4") int maxRetries,
        @DefaultValue("500") int batchSize,
        @DefaultValue("2") int parallelBatches,
        @Nullable String nodeName) {

    public JobsProperties {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("unstuck.jobs.batch-size is 1 to 10000; got " + batchSize);
        }
        if (parallelBatches < 1 || parallelBatches > 16) {
            throw new IllegalArgumentException("unstuck.jobs.parallel-batches is 1 to 16; got " + parallelBatches);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("unstuck.jobs.max-retries cannot be negative; got " + maxRetries);
        }
        if (missedHeartbeats < 4) {
            throw new IllegalArgumentException("unstuck.jobs.missed-heartbeats is at least 4; got " + missedHeartbeats);
        }
    }
}
