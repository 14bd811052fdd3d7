package org.unstuck.web.shell;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.unstuck.domain.caseload.CaseId;
import org.springframework.security.core.context.SecurityContextHolder;
import org.unstuck.web.account.SecondFactorView;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.security.SecondFactor;

/**
 * A screen the signed-in person's roles do not open: audited as a refusal (with the case, for a
 * case's address), and answered exactly as an address with nothing behind it.
 */
@PermitAll
public class RefusedRouteView extends Main implements HasErrorParameter<AccessDeniedException> {

    private static final Pattern CASE_PATH = Pattern.compile("cases/([1-9]\\d{0,17})(/.*)?");

    private final AccessAnnotationChecker access;
    private final AuditRecorder audit;

    RefusedRouteView(AccessAnnotationChecker access, AuditRecorder audit) {
        this.access = access;
        this.audit = audit;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        // Whoever still owes the second factor holds no role yet: every screen leads to giving it.
        if (SecondFactor.pending(SecurityContextHolder.getContext().getAuthentication())) {
            event.forwardTo(SecondFactorView.class);
            return HttpServletResponse.SC_OK;
        }
        var path = event.getLocation().getPath();
        var caseMatch = CASE_PATH.matcher(path);
        audit.refused("route.open", caseMatch.matches() ? new CaseId(Long.parseLong(caseMatch.group(1))) : null, "/" + path);
        NotFoundView.show(this, access);
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
