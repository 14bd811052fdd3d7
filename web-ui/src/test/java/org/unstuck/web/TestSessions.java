package org.unstuck.web;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;

/** The application's HTTP sessions as a test sees them: which are open, which have ended, and a shorter idle time for one. */
@TestConfiguration
public class TestSessions implements HttpSessionListener {

    /** Sessions by identity: signing in changes a session's id, not the session. */
    private final Set<HttpSession> open = ConcurrentHashMap.newKeySet();
    private final Set<String> ended = ConcurrentHashMap.newKeySet();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        open.add(event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        open.remove(event.getSession());
        ended.add(event.getSession().getId());
    }

    /** Lets the session end after this many seconds without the user doing anything. */
    public void idleTime(String sessionId, int seconds) {
        open.stream().filter(session -> session.getId().equals(sessionId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No open session " + sessionId))
                .setMaxInactiveInterval(seconds);
    }

    public boolean ended(String sessionId) {
        return ended.contains(sessionId);
    }
}
