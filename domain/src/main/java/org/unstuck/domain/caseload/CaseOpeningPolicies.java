package org.unstuck.domain.caseload;

/** The practice's stored rule of how far back a case may be opened; there is always one. */
public interface CaseOpeningPolicies {

    CaseOpeningPolicy current();

    void change(CaseOpeningPolicy policy);
}
