package org.unstuck.web.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The application's own log configuration, read as it is shipped, writes a forged line break escaped. */
class LogLineForgeryTest {

    private static final String FORGED = "show\r\n2026-12-03T10:00:00.000Z  INFO 1 --- [main] o.u.web.Security : admin signed in";

    private static String layout(String patternProperty, LoggingEvent event) throws Exception {
        var context = new LoggerContext();
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(new ByteArrayInputStream("""
                <configuration><include resource="unstuck-logback.xml"/></configuration>"""
                .getBytes(StandardCharsets.UTF_8)));
        var layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(context.getProperty(patternProperty));
        layout.start();
        event.setLoggerContext(context);
        return layout.doLayout(event);
    }

    private static LoggingEvent event(String message, Throwable thrown, Object... arguments) {
        var event = new LoggingEvent("org.unstuck.web.Forged", new LoggerContext().getLogger("forged"), Level.WARN, message,
                thrown, arguments);
        event.setThreadName("http-nio-8080-exec-1");
        return event;
    }

    @Test
    void a_line_break_in_a_logged_argument_or_exception_message_cannot_start_a_line() throws Exception {
        var thrown = new IllegalArgumentException("No method named '" + FORGED + "'",
                new IllegalStateException("cause\u0085with a next-line character"));
        for (var pattern : new String[] {"CONSOLE_LOG_PATTERN", "FILE_LOG_PATTERN"}) {
            var written = layout(pattern, event("Refused RPC call {}", thrown, FORGED));

            var lines = written.split("\r?\n");
            assertThat(lines[0]).as(pattern).contains("Refused RPC call show\\u000d\\u000a2026-12-03T10:00:00.000Z  INFO");
            assertThat(lines).as(pattern).noneMatch(line -> line.startsWith("2026-12-03T10:00:00.000Z"))
                    .anyMatch(line -> line.contains("No method named 'show\\u000d\\u000a2026-12-03"))
                    .anyMatch(line -> line.contains("cause\\u0085with a next-line character"))
                    .anyMatch(line -> line.strip().startsWith("at org.unstuck.web.logging.LogLineForgeryTest"));
        }
    }
}
