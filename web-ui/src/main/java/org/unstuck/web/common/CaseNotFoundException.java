package org.unstuck.web.common;

/**
 * No case with that number that this person may see. The same answer is given whether the case
 * does not exist or belongs to someone else, so nothing is revealed.
 */
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(long caseId) {
        super("No case " + caseId + " that you may see");
    }
}
