package org.unstuck.web.common;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

/**
 * Where long work started from a screen runs — reports, imports: away from the threads that serve
 * requests, as the person who asked, and at most two at a time, so that many large jobs at once
 * slow those jobs down rather than everyone else; the others wait their turn.
 */
@Component
public class BackgroundWork implements DisposableBean {

    private static final int AT_ONCE = 2;

    private final ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();

    BackgroundWork() {
        threads.setCorePoolSize(AT_ONCE);
        threads.setMaxPoolSize(AT_ONCE);
        threads.setThreadNamePrefix("background-");
        threads.initialize();
    }

    /** Runs the job with the caller's sign-in; its result or failure arrives through the answer. */
    public <T> CompletableFuture<T> run(Supplier<T> job) {
        return CompletableFuture.supplyAsync(job, new DelegatingSecurityContextExecutor(threads));
    }

    /** Runs the job signed in as given, for a caller whose own thread carries no sign-in. */
    public <T> CompletableFuture<T> run(Supplier<T> job, SecurityContext signedIn) {
        return CompletableFuture.supplyAsync(job, new DelegatingSecurityContextExecutor(threads, signedIn));
    }

    @Override
    public void destroy() {
        threads.shutdown();
    }
}
