package org.unstuck.web.caseload;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.access.AccessPolicy;
import org.unstuck.domain.access.EmergencyAccess;
import org.unstuck.domain.caseload.ClientCode;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.practice.Role;
import org.unstuck.persistence.board.CaseMatch;
import org.unstuck.persistence.board.CaseSearch;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.security.CurrentActor;

/**
 * Finds cases by client code for the people who may see them: a therapist their own, a supervisor
 * also their supervisees', and a clinician the cases of their break-glass access while it lasts. A
 * code whose cases are all someone else's answers as one that does not exist, and the attempt is audited.
 */
@Service
@Transactional
public class CaseFinder {

    public static final int SHORTEST = 2;
    public static final int MOST = 10;

    private final CurrentActor currentActor;
    private final CaseSearch search;
    private final AuditRecorder audit;
    private final Clock clock;

    CaseFinder(CurrentActor currentActor, CaseSearch search, AuditRecorder audit, Clock clock) {
        this.currentActor = currentActor;
        this.search = search;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What was found for the code or the start of one.
     *
     * @param more whether more visible cases match than are listed
     */
    public record Found(String searched, List<CaseMatch> cases, boolean more) {
    }

    /** The cases the signed-in person may see whose client code begins with the given text, exact codes first. */
    @RolesAllowed({"THERAPIST", "SUPERVISOR"})
    public Found find(String codeStart) {
        var searched = codeStart.strip();
        if (searched.length() < SHORTEST) {
            throw new InvalidEntryException(Map.of("client", "Type at least " + SHORTEST + " characters of a client code."));
        }
        try {
            new ClientCode(searched);
        } catch (IllegalArgumentException wrong) {
            throw new InvalidEntryException(Map.of("client",
                    "A client code is 2 to 32 letters, digits, dots, dashes, slashes or underscores, such as C-0417."));
        }
        var actor = currentActor.actor();
        var matches = search.byClientCode(searched,
                actor.is(Role.THERAPIST) ? actor.id() : null,
                actor.is(Role.SUPERVISOR) ? actor.id() : null,
                currentActor.account().username().value(),
                AccessPolicy.mayBreakGlass(actor) ? clock.instant().minus(EmergencyAccess.LASTS) : null,
                MOST + 1);
        var visible = matches.stream().filter(CaseMatch::visible).toList();
        var subject = "client code " + searched;
        if (visible.isEmpty()) {
            var hidden = matches.stream().filter(match -> !match.visible()).limit(MOST).toList();
            if (hidden.isEmpty()) {
                audit.refused("case.search", null, subject);
            }
            hidden.forEach(match -> audit.refused("case.search", new CaseId(match.caseId()), subject));
            return new Found(searched, List.of(), false);
        }
        var shown = visible.stream().limit(MOST).toList();
        audit.allowed("case.search", null, subject, shown.size() + " cases listed");
        return new Found(searched, shown, visible.size() > MOST);
    }
}
