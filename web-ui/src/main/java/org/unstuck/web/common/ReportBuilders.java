package org.unstuck.web.common;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.stereotype.Component;

/**
 * Where reports are built: away from the threads that serve requests, as the person who asked, and
 * at most two at a time, so that a practice asking for many large reports at once slows the
 * reports down rather than everyone else; the others wait their turn.
 */
@Component
public class ReportBuilders implements DisposableBean {

    private static final int AT_ONCE = 2;

    private final ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();

    ReportBuilders() {
        threads.setCorePoolSize(AT_ONCE);
        threads.setMaxPoolSize(AT_ONCE);
        threads.setThreadNamePrefix("report-");
        threads.initialize();
    }

    /** Runs the job with the caller's sign-in; its result or failure arrives through the answer. */
    public <T> CompletableFuture<T> build(Supplier<T> job) {
        return CompletableFuture.supplyAsync(job, new DelegatingSecurityContextExecutor(threads));
    }

    @Override
    public void destroy() {
        threads.shutdown();
    }
}
