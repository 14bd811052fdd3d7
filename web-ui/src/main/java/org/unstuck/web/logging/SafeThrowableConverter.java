package org.unstuck.web.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's stack trace, one frame a line, with the control characters of every exception
 * message escaped: {@code %safeEx} in the log pattern.
 */
public class SafeThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy thrown) {
        return super.throwableProxyToString(new Escaped(thrown));
    }

    private record Escaped(IThrowableProxy original) implements IThrowableProxy {

        @Override
        public @Nullable String getMessage() {
            var message = original.getMessage();
            return message == null ? null : ControlCharacters.escaped(message);
        }

        @Override
        public @Nullable String getOverridingMessage() {
            var message = original.getOverridingMessage();
            return message == null ? null : ControlCharacters.escaped(message);
        }

        @Override
        public String getClassName() {
            return ControlCharacters.escaped(original.getClassName());
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return original.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return original.getCommonFrames();
        }

        @Override
        public @Nullable IThrowableProxy getCause() {
            var cause = original.getCause();
            return cause == null ? null : new Escaped(cause);
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            var suppressed = original.getSuppressed();
            return suppressed == null ? new IThrowableProxy[0]
                    : Arrays.stream(suppressed).map(Escaped::new).toArray(IThrowableProxy[]::new);
        }

        @Override
        public boolean isCyclic() {
            return original.isCyclic();
        }
    }
}
