package org.unstuck.web.credential;

import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.unstuck.domain.credential.ComplianceStatus;

/** A credential status in words and colour, with the days left or the end date where they matter. */
class ComplianceBadge extends Span {

    ComplianceBadge(ComplianceStatus status, String detail) {
        addClassNames("status-badge", "compliance-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        setText(getTranslation("compliance." + status.name()) + (detail.isEmpty() ? "" : " · " + detail));
    }
}
