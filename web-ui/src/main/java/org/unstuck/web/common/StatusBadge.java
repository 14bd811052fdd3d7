package org.unstuck.web.common;

import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.unstuck.domain.progress.CaseStatus;

/** A case status in words and colour, never colour alone. */
public class StatusBadge extends Span {

    public StatusBadge(CaseStatus status) {
        addClassNames("status-badge", "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        setText(getTranslation("status." + status.name()));
    }
}
