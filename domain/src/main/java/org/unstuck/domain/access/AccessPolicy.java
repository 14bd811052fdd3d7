package org.unstuck.domain.access;

import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.notes.ReflectiveNote;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserId;

/**
 * The access matrix of the product, minimum necessary: a therapist works on their own cases; a
 * supervisor also reads and decides on their supervisees' cases; a practice manager sees
 * credentials and counts, never clinical data; an admin sees no clinical data at all.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /** The assigned therapist, or a supervisor of the assigned therapist. */
    public static boolean mayReadCase(Actor actor, TherapyCase theCase) {
        return isAssignedTherapist(actor, theCase) || actor.supervises(theCase.therapist());
    }

    /**
     * Emergency ("break-glass") access to a case outside one's scope is for clinicians only, and
     * only with a stated reason that the audit trail flags.
     */
    public static boolean mayBreakGlass(Actor actor) {
        return actor.is(Role.THERAPIST) || actor.is(Role.SUPERVISOR);
    }

    /** Sessions, scores and case details are written by the assigned therapist only. */
    public static boolean mayRecordOnCase(Actor actor, TherapyCase theCase) {
        return isAssignedTherapist(actor, theCase) && theCase.isOpen();
    }

    /** An open case is closed by its assigned therapist or a supervisor of the therapist. */
    public static boolean mayCloseCase(Actor actor, TherapyCase theCase) {
        return theCase.isOpen() && (isAssignedTherapist(actor, theCase) || actor.supervises(theCase.therapist()));
    }

    /** Decisions are made by a supervisor of the assigned therapist. */
    public static boolean mayDecideOnCase(Actor actor, TherapyCase theCase) {
        return actor.supervises(theCase.therapist());
    }

    /**
     * A risk alert is answered, by reviewing or escalating the risk, by the case's own therapist or
     * a supervisor of that therapist: whoever sees it first acts on it.
     */
    public static boolean mayAnswerRisk(Actor actor, TherapyCase theCase) {
        return isAssignedTherapist(actor, theCase) || mayDecideOnCase(actor, theCase);
    }

    /** A reflective note is read by its author and the author's supervisors only. */
    public static boolean mayReadNote(Actor actor, ReflectiveNote note) {
        return actor.id().equals(note.author()) && actor.is(Role.THERAPIST) || actor.supervises(note.author());
    }

    /** Notes are written by the assigned therapist, on their own cases. */
    public static boolean mayWriteNote(Actor actor, TherapyCase theCase) {
        return isAssignedTherapist(actor, theCase);
    }

    /** A therapist's own, a supervisor's supervisees' (read only), and every therapist's for the practice manager. */
    public static boolean mayReadCredentials(Actor actor, UserId therapist) {
        return actor.is(Role.PRACTICE_MANAGER) || actor.id().equals(therapist) && actor.is(Role.THERAPIST)
                || actor.supervises(therapist);
    }

    /** Adding, renewing and verifying credentials is the practice manager's. */
    public static boolean mayManageCredentials(Actor actor) {
        return actor.is(Role.PRACTICE_MANAGER);
    }

    /** A therapist adds their own CPD; the practice manager adds anyone's. */
    public static boolean mayAddCpd(Actor actor, UserId therapist) {
        return actor.is(Role.PRACTICE_MANAGER) || actor.id().equals(therapist) && actor.is(Role.THERAPIST);
    }

    /** Users, roles, supervision pairs and practice settings are the admin's. */
    public static boolean mayAdministerPractice(Actor actor) {
        return actor.is(Role.ADMIN);
    }

    private static boolean isAssignedTherapist(Actor actor, TherapyCase theCase) {
        return actor.is(Role.THERAPIST) && actor.id().equals(theCase.therapist());
    }
}
