package org.unstuck.domain.caseload;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.unstuck.domain.measure.MeasureCode;
import org.unstuck.domain.measure.Score;

/**
 * One scheduled session of a case. Only an attended session carries scores or homework, and each
 * measure is scored at most once per session.
 */
public record Session(LocalDate date, Attendance attendance, List<Score> scores, Homework homework) {

    public Session {
        scores = List.copyOf(scores);
        if (attendance != Attendance.ATTENDED && !scores.isEmpty()) {
            throw new IllegalArgumentException("Only an attended session has scores; this one is " + attendance);
        }
        if (attendance != Attendance.ATTENDED && homework != Homework.NOT_SET) {
            throw new IllegalArgumentException("Homework is recorded for attended sessions only");
        }
        var codes = new HashSet<MeasureCode>();
        for (var score : scores) {
            if (!codes.add(score.code())) {
                throw new IllegalArgumentException("A session has one score per measure; " + score.code() + " appears twice");
            }
        }
    }

    public static Session attended(LocalDate date, Homework homework, Score... scores) {
        return new Session(date, Attendance.ATTENDED, List.of(scores), homework);
    }

    public static Session missed(LocalDate date, Attendance attendance) {
        if (attendance == Attendance.ATTENDED) {
            throw new IllegalArgumentException("A missed session is cancelled or a no-show");
        }
        return new Session(date, attendance, List.of(), Homework.NOT_SET);
    }

    public boolean wasAttended() {
        return attendance == Attendance.ATTENDED;
    }

    public Optional<Score> scoreOn(MeasureCode code) {
        return scores.stream().filter(score -> score.code().equals(code)).findFirst();
    }
}
