package org.unstuck.persistence.board;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.progress.CaseStatus;

/**
 * A case whose client code begins with what was searched for.
 *
 * @param visible whether the searching person may see it; the caller shows only those that are
 */
public record CaseMatch(long caseId, String clientCode, String therapistName, LocalDate opened,
        @Nullable LocalDate closed, CaseStatus status, boolean visible) {
}
