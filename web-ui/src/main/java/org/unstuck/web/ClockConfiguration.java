package org.unstuck.web;

import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unstuck.domain.practice.PracticeTimeZone;
import org.unstuck.web.common.PracticeClock;

/**
 * The practice's day and time come from one clock, in the practice's time zone. Its instants come
 * from the system unless a bean named {@value #INSTANTS} supplies them (a test's movable time).
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    public static final String INSTANTS = "practiceInstants";

    @Bean
    PracticeClock clock(@Qualifier(INSTANTS) ObjectProvider<InstantSource> instants, PracticeTimeZone timeZone) {
        return new PracticeClock(instants.getIfAvailable(InstantSource::system), timeZone);
    }
}
