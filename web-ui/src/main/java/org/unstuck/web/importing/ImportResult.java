package org.unstuck.web.importing;

import java.util.List;

/** The answer to an import: what was written, or why nothing was. */
public sealed interface ImportResult {

    /**
     * The file was written whole.
     *
     * @param rows the data rows of the file, the header not counted
     * @param riskAlertsRaised the alerts raised by item scores that endorse their measure's critical item
     */
    record Imported(String fileName, long rows, int clientsCreated, int casesCreated, int casesUpdated, long sessionsAdded,
            long sessionsUpdated, long sessionsUnchanged, int riskAlertsRaised) implements ImportResult {
    }

    /**
     * The file was refused and nothing was written.
     *
     * @param errors the first errors in file order, at most {@link ImportService#MAX_ERRORS}
     * @param errorCount every error found, including those not listed
     */
    record Refused(String fileName, long rows, List<ImportError> errors, int errorCount) implements ImportResult {

        public Refused {
            errors = List.copyOf(errors);
        }
    }
}
