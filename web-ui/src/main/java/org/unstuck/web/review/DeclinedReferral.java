package org.unstuck.web.review;

import java.time.LocalDate;

/** A referral the colleague declined, as the supervisor who referred reads it: to whom, when, and why. */
public record DeclinedReferral(String colleague, LocalDate on, String reason) {
}
