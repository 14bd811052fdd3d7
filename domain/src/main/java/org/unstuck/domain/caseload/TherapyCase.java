package org.unstuck.domain.caseload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.credential.AssignmentGuard;
import org.unstuck.domain.credential.TherapistCompliance;
import org.unstuck.domain.measure.Measure;
import org.unstuck.domain.measure.MeasureKind;
import org.unstuck.domain.practice.UserId;

/**
 * A course of therapy for one client with one assigned therapist at a time. It is opened only
 * for a therapist whose licence and insurance are valid; a transfer keeps the earlier therapists
 * in its history. Each stored state carries its version, so a change made from an out-of-date
 * copy is refused rather than silently overwriting another.
 */
public final class TherapyCase {

    private final @Nullable CaseId id;
    private final long version;
    private final ClientCode client;
    private final String presentingProblem;
    private final Approach approach;
    private final Measure primaryMeasure;
    private final @Nullable Measure allianceMeasure;
    private final LocalDate opened;
    private final @Nullable LocalDate closed;
    private final @Nullable ClosingReason closingReason;
    private final UserId therapist;
    private final List<Transfer> transfers;

    /** A case as stored before closings had reasons: one closed without a stated reason was discharged. */
    public TherapyCase(@Nullable CaseId id, long version, ClientCode client, String presentingProblem, Approach approach,
            Measure primaryMeasure, @Nullable Measure allianceMeasure, LocalDate opened, @Nullable LocalDate closed,
            UserId therapist, List<Transfer> transfers) {
        this(id, version, client, presentingProblem, approach, primaryMeasure, allianceMeasure, opened, closed,
                closed == null ? null : ClosingReason.DISCHARGED, therapist, transfers);
    }

    public TherapyCase(@Nullable CaseId id, long version, ClientCode client, String presentingProblem, Approach approach,
            Measure primaryMeasure, @Nullable Measure allianceMeasure, LocalDate opened, @Nullable LocalDate closed,
            @Nullable ClosingReason closingReason, UserId therapist, List<Transfer> transfers) {
        if (presentingProblem.isBlank() || presentingProblem.length() > 200) {
            throw new IllegalArgumentException("The presenting problem is 1 to 200 characters");
        }
        if (primaryMeasure.kind() != MeasureKind.OUTCOME) {
            throw new IllegalArgumentException("The primary measure is an outcome measure; " + primaryMeasure.code() + " is not");
        }
        if (primaryMeasure.reliableChange() == null) {
            throw new IllegalArgumentException("The primary measure needs a reliable-change value; "
                    + primaryMeasure.code() + " has none");
        }
        if (allianceMeasure != null && allianceMeasure.kind() != MeasureKind.ALLIANCE) {
            throw new IllegalArgumentException("The alliance measure is an alliance measure; " + allianceMeasure.code() + " is not");
        }
        if (closed != null && closed.isBefore(opened)) {
            throw new IllegalArgumentException("A case cannot close before it opened");
        }
        if ((closed == null) != (closingReason == null)) {
            throw new IllegalArgumentException("A closed case has a closing reason, and only a closed case has one");
        }
        this.id = id;
        this.version = version;
        this.client = client;
        this.presentingProblem = presentingProblem.strip();
        this.approach = approach;
        this.primaryMeasure = primaryMeasure;
        this.allianceMeasure = allianceMeasure;
        this.opened = opened;
        this.closed = closed;
        this.closingReason = closingReason;
        this.therapist = therapist;
        this.transfers = List.copyOf(transfers);
    }

    /**
     * Opens a case for a therapist.
     *
     * @throws org.unstuck.domain.credential.TherapistNotReadyException when the therapist's licence
     *     or insurance is not valid on the day the case opens
     */
    public static TherapyCase open(ClientCode client, String presentingProblem, Approach approach, Measure primaryMeasure,
            @Nullable Measure allianceMeasure, LocalDate opened, UserId therapist, TherapistCompliance compliance) {
        AssignmentGuard.requireMayTakeNewCases(compliance);
        return new TherapyCase(null, 0, client, presentingProblem, approach, primaryMeasure, allianceMeasure, opened, null,
                therapist, List.of());
    }

    /** Moves the case to another therapist, who must be allowed to take new cases. */
    public TherapyCase transferTo(UserId newTherapist, LocalDate on, String reason, TherapistCompliance compliance) {
        requireOpen("transferred");
        if (on.isBefore(opened)) {
            throw new IllegalArgumentException("A case cannot be transferred before it opened");
        }
        AssignmentGuard.requireMayTakeNewCases(compliance);
        var history = new ArrayList<>(transfers);
        history.add(new Transfer(therapist, newTherapist, on, reason));
        return new TherapyCase(id, version, client, presentingProblem, approach, primaryMeasure, allianceMeasure, opened, null,
                newTherapist, history);
    }

    /** A new approach from the day of a "change approach" decision. */
    public TherapyCase changeApproach(Approach newApproach) {
        requireOpen("changed");
        return new TherapyCase(id, version, client, presentingProblem, newApproach, primaryMeasure, allianceMeasure, opened, null,
                therapist, transfers);
    }

    /**
     * Ends the course of therapy: on a day no earlier than it opened or its last standing session,
     * and never after today.
     *
     * @param lastSession the day of the case's last standing session, or null when it has none
     * @throws IllegalArgumentException naming the allowed days when the closing day is outside them
     */
    public TherapyCase close(LocalDate on, ClosingReason reason, @Nullable LocalDate lastSession, LocalDate today) {
        requireOpen("closed");
        var earliest = lastSession != null && lastSession.isAfter(opened) ? lastSession : opened;
        if (on.isBefore(earliest) || on.isAfter(today)) {
            throw new IllegalArgumentException("A case closes between " + earliest + " (" + (earliest.equals(opened)
                    ? "the day it opened" : "its last session") + ") and today, " + today + "; got " + on);
        }
        return new TherapyCase(id, version, client, presentingProblem, approach, primaryMeasure, allianceMeasure, opened, on,
                reason, therapist, transfers);
    }

    public TherapyCase withId(CaseId newId) {
        return new TherapyCase(newId, version, client, presentingProblem, approach, primaryMeasure, allianceMeasure, opened, closed,
                closingReason, therapist, transfers);
    }

    private void requireOpen(String action) {
        if (closed != null) {
            throw new IllegalStateException("Only an open case can be " + action + "; this one closed on " + closed);
        }
    }

    public @Nullable CaseId id() {
        return id;
    }

    /** The stored version this state was read at; a save from an older version is refused. */
    public long version() {
        return version;
    }

    public ClientCode client() {
        return client;
    }

    public String presentingProblem() {
        return presentingProblem;
    }

    public Approach approach() {
        return approach;
    }

    public Measure primaryMeasure() {
        return primaryMeasure;
    }

    public @Nullable Measure allianceMeasure() {
        return allianceMeasure;
    }

    public LocalDate opened() {
        return opened;
    }

    public @Nullable LocalDate closed() {
        return closed;
    }

    /** Why the case closed; null while it is open. */
    public @Nullable ClosingReason closingReason() {
        return closingReason;
    }

    public boolean isOpen() {
        return closed == null;
    }

    public UserId therapist() {
        return therapist;
    }

    public List<Transfer> transfers() {
        return transfers;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof TherapyCase that
                && Objects.equals(id, that.id) && version == that.version && client.equals(that.client)
                && presentingProblem.equals(that.presentingProblem) && approach.equals(that.approach)
                && primaryMeasure.equals(that.primaryMeasure) && Objects.equals(allianceMeasure, that.allianceMeasure)
                && opened.equals(that.opened) && Objects.equals(closed, that.closed)
                && closingReason == that.closingReason
                && therapist.equals(that.therapist) && transfers.equals(that.transfers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, client, opened, therapist);
    }

    @Override
    public String toString() {
        return "Case " + (id == null ? "(new)" : id.value()) + " of " + client + ", " + approach + ", " + primaryMeasure.code();
    }
}
