package org.unstuck.domain.notification;

/** What an e-mail is about: a notification sent on by e-mail, or the supervisors' weekly digest. */
public enum MailKind {
    REFERRAL_WAITING,
    CREDENTIAL_ENDING,
    /** Sent whatever the person chose about e-mail: a risk alert cannot be turned off. */
    RISK_ALERT,
    /** New flags, follow-ups due and the next meeting of a supervisor's team; each person may turn it off. */
    WEEKLY_DIGEST;

    public static MailKind of(NoticeKind kind) {
        return valueOf(kind.name());
    }
}
