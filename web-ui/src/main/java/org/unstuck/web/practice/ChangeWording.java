package org.unstuck.web.practice;

import com.vaadin.flow.component.Component;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.unstuck.domain.practice.Role;
import org.unstuck.web.practice.AccountChanges.ChangeRow;

/** How an account change reads: "Give Sam Okafor (therapist2) the supervisor role", and so on. */
public final class ChangeWording {

    private ChangeWording() {
    }

    public static String describe(Component view, Locale locale, ChangeRow row) {
        return switch (row.kind()) {
            case NEW_ACCOUNT -> view.getTranslation("approvals.kind.NEW_ACCOUNT", row.account(), roles(view, locale, row.roles()));
            case ROLE_GRANT -> view.getTranslation("approvals.kind.ROLE_GRANT", row.account(), roles(view, locale, row.roles()));
            case SUPERVISION_PAIR -> view.getTranslation("approvals.kind.SUPERVISION_PAIR", row.supervisor(), row.account());
            case PASSWORD_RESET -> view.getTranslation("approvals.kind.PASSWORD_RESET", row.account());
            case SECOND_FACTOR_RESET -> view.getTranslation("approvals.kind.SECOND_FACTOR_RESET", row.account());
        };
    }

    static String when(Locale locale, Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(instant.atZone(zone));
    }

    private static String roles(Component view, Locale locale, Set<Role> roles) {
        return roles.stream().sorted()
                .map(role -> view.getTranslation("role." + role.name().toLowerCase(Locale.ROOT)).toLowerCase(locale))
                .collect(Collectors.joining(", "));
    }
}
