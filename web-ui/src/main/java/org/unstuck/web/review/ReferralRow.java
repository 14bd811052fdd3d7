package org.unstuck.web.review;

/** A referral waiting for the signed-in therapist's answer, as their caseload shows it. */
public record ReferralRow(long referralId, long caseId, String clientCode, String presentingProblem, String fromTherapist,
        String rationale) {
}
