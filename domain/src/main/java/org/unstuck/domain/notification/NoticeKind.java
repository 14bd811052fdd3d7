package org.unstuck.domain.notification;

/** What a notification is about. */
public enum NoticeKind {
    /** A colleague referred a case to the recipient: the client code and the colleague's name. */
    REFERRAL_WAITING,
    /** A required credential ends within a reminder's days: its type, its last day, the days and whose it is. */
    CREDENTIAL_ENDING,
    /** A critical item was endorsed on a case the recipient treats or supervises: the client code only. */
    RISK_ALERT
}
