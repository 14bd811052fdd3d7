package org.unstuck.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real SMTP server (GreenMail) that the shared test application sends its e-mail to, so that
 * e-mail is on in the tests as in a practice that set a server. Nothing is sent unless a test runs
 * the sender: the test node takes no scheduled jobs.
 */
public final class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final int PORT = freePort();
    private static GreenMail server = started();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testMailServer", Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", PORT,
                "unstuck.mail.link-base", "https://unstuck.practice.example/")));
    }

    /** The server, started again on the same port if a test stopped it. */
    public static synchronized GreenMail running() {
        if (!server.isRunning()) {
            server = started();
        }
        return server;
    }

    /** The server goes away, as an SMTP server that is down does. */
    public static synchronized void stop() {
        server.stop();
    }

    private static GreenMail started() {
        var smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
