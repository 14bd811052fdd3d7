package org.unstuck.web.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** The event's message with its control characters escaped: {@code %safeMsg} in the log pattern. */
public class SafeMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return ControlCharacters.escaped(event.getFormattedMessage());
    }
}
