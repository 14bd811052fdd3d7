package org.unstuck.web.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.caseload.ClientCode;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.caseload.Sessions;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.credential.CpdEntry;
import org.unstuck.domain.credential.Credential;
import org.unstuck.domain.credential.CredentialType;
import org.unstuck.domain.credential.Credentials;
import org.unstuck.domain.credential.Verification;
import org.unstuck.domain.measure.Direction;
import org.unstuck.domain.measure.Measure;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.measure.Score;
import org.unstuck.domain.notes.ReflectiveNote;
import org.unstuck.domain.notes.ReflectiveNotes;
import org.unstuck.domain.practice.UserId;

/**
 * Builds a realistic practice from a fixed seed: cases with improving, flat, deteriorating,
 * disengaging and late-recovering courses, alliance scores, homework, reflective notes and
 * credentials. Dates are counted back from the day it runs, so the practice always looks current.
 * The same seed always builds the same practice; a larger size builds a practice for benchmarks.
 */
public final class DemoPracticeGenerator {

    /** The course a generated case follows. */
    enum Course {
        IMPROVING, FLAT, DETERIORATING, DISENGAGING, LATE_RECOVERING, WEAK_ALLIANCE
    }

    /** How big a practice to build: cases per clinician, and the share of them already finished. */
    public record Size(int casesPerClinician, double finishedShare) {
    }

    private static final List<String> APPROACHES = List.of("CBT", "CBT", "Behavioural activation", "EMDR",
            "Interpersonal therapy", "Counselling for depression", "Compassion-focused therapy", "Psychodynamic");
    private static final List<String> PROBLEMS = List.of("Low mood", "Depression", "Generalised anxiety", "Panic attacks",
            "Post-traumatic stress", "Social anxiety", "Health anxiety", "Low self-esteem", "Grief", "Work stress");

    private final SplittableRandom random;
    private final LocalDate today;
    private final Cases cases;
    private final Sessions sessions;
    private final ReflectiveNotes notes;
    private final Credentials credentials;
    private int clientNumber;

    public DemoPracticeGenerator(long seed, LocalDate today, Cases cases, Sessions sessions, ReflectiveNotes notes,
            Credentials credentials) {
        this.random = new SplittableRandom(seed);
        this.today = today;
        this.cases = cases;
        this.sessions = sessions;
        this.notes = notes;
        this.credentials = credentials;
    }

    /** Credentials in order for every clinician; one insurance expiring soon, one licence expired. */
    public void credentials(List<UserId> clinicians, UserId expiringInsurance, UserId expiredLicence, UserId verifier) {
        for (var clinician : clinicians) {
            var licenceEnds = clinician.equals(expiredLicence) ? today.minusDays(12) : today.plusMonths(6 + random.nextInt(18));
            var insuranceEnds = clinician.equals(expiringInsurance) ? today.plusDays(25) : today.plusMonths(3 + random.nextInt(9));
            var checked = new Verification(verifier, today.minusMonths(2).atStartOfDay().toInstant(ZoneOffset.UTC),
                    "Register lookup");
            credentials.save(new Credential(null, 0, clinician, CredentialType.LICENCE, "Practitioner psychologist",
                    "PYL" + (20000 + random.nextInt(70000)), "Health and Care Professions Council", "United Kingdom",
                    licenceEnds.minusYears(2).isBefore(today.minusYears(2)) ? licenceEnds.minusYears(2) : today.minusYears(2),
                    licenceEnds, checked));
            credentials.save(new Credential(null, 0, clinician, CredentialType.REGISTRATION, "Accredited member",
                    "M" + (100000 + random.nextInt(800000)), "British Association for Behavioural and Cognitive Psychotherapies",
                    "United Kingdom", today.minusYears(3), today.plusMonths(4 + random.nextInt(20)), checked));
            // Insurance is renewed each year: last year's policy covers the practice's lived year before this one.
            var policyNumber = 1000 + random.nextInt(9000);
            credentials.save(new Credential(null, 0, clinician, CredentialType.INSURANCE, "Professional indemnity",
                    "PI-" + policyNumber, "Balens", "United Kingdom", insuranceEnds.minusYears(2), insuranceEnds.minusYears(1),
                    null));
            credentials.save(new Credential(null, 0, clinician, CredentialType.INSURANCE, "Professional indemnity",
                    "PI-" + (policyNumber + 1), "Balens", "United Kingdom", insuranceEnds.minusYears(1), insuranceEnds, null));
            credentials.save(new Credential(null, 0, clinician, CredentialType.QUALIFICATION, "DClinPsy", "",
                    "University of Leeds", "United Kingdom", today.minusYears(6 + random.nextInt(10)), null, null));
            var topics = List.of("Trauma-focused CBT refresher", "Supervision skills", "Risk assessment update",
                    "Outcome monitoring in practice");
            // The clinician returning from leave is short of CPD; everyone else has done enough in every
            // twelve months of the last two years.
            var entries = clinician.equals(expiredLicence) ? 1 : 9;
            for (int i = 0; i < entries; i++) {
                credentials.addCpd(new CpdEntry(clinician, today.minusDays(20 + 80L * i), 8 + random.nextInt(3),
                        topics.get(i % topics.size())));
            }
        }
    }

    /** Cases for each clinician; returns the ids of the open cases. */
    public List<CaseId> caseloads(List<UserId> clinicians, Size size) {
        var open = new ArrayList<CaseId>();
        for (var clinician : clinicians) {
            for (int i = 0; i < size.casesPerClinician(); i++) {
                var finished = random.nextDouble() < size.finishedShare();
                var id = oneCase(clinician, pickCourse(finished), finished);
                if (!finished) {
                    open.add(id);
                }
            }
        }
        return open;
    }

    private Course pickCourse(boolean finished) {
        var roll = random.nextDouble();
        if (finished) {
            return roll < 0.75 ? Course.IMPROVING : roll < 0.9 ? Course.FLAT : Course.LATE_RECOVERING;
        }
        if (roll < 0.68) {
            return Course.IMPROVING;
        }
        if (roll < 0.75) {
            return Course.FLAT;
        }
        if (roll < 0.79) {
            return Course.DETERIORATING;
        }
        if (roll < 0.85) {
            return Course.DISENGAGING;
        }
        return roll < 0.94 ? Course.LATE_RECOVERING : Course.WEAK_ALLIANCE;
    }

    private Measure pickMeasure() {
        var roll = random.nextDouble();
        return roll < 0.45 ? MeasureCatalogue.PHQ_9 : roll < 0.75 ? MeasureCatalogue.GAD_7
                : roll < 0.9 ? MeasureCatalogue.CORE_10 : MeasureCatalogue.ORS;
    }

    private CaseId oneCase(UserId therapist, Course course, boolean finished) {
        var measure = pickMeasure();
        var planned = switch (course) {
            case IMPROVING -> 6 + random.nextInt(9);
            case FLAT -> 7 + random.nextInt(5);
            case DETERIORATING -> 4 + random.nextInt(4);
            case DISENGAGING -> 5 + random.nextInt(4);
            case LATE_RECOVERING -> 9 + random.nextInt(5);
            case WEAK_ALLIANCE -> 4 + random.nextInt(4);
        };
        var gapWeeks = course == Course.DISENGAGING ? 4 + random.nextInt(4) : random.nextInt(2);
        var lastDate = finished ? today.minusWeeks(8 + random.nextInt(40)) : today.minusWeeks(gapWeeks).minusDays(random.nextInt(5));
        var firstDate = lastDate.minusWeeks(planned - 1L);
        var opened = firstDate.minusDays(7 + random.nextInt(14));
        var theCase = new TherapyCase(null, 0, new ClientCode(String.format("C-%04d", ++clientNumber)),
                PROBLEMS.get(random.nextInt(PROBLEMS.size())), new Approach(APPROACHES.get(random.nextInt(APPROACHES.size()))),
                measure, MeasureCatalogue.SRS, opened, finished ? lastDate.plusDays(7) : null, therapist, List.of());
        var caseId = Objects.requireNonNull(cases.save(theCase).id());
        var intake = intake(measure, course);
        var allianceLevel = 37 + random.nextInt(26) / 10.0;
        for (int week = 0; week < planned; week++) {
            var date = firstDate.plusWeeks(week);
            if (missed(course, week, planned)) {
                sessions.add(caseId, Session.missed(date, random.nextInt(3) == 0 ? Attendance.CANCELLED : Attendance.NO_SHOW));
                continue;
            }
            var value = score(measure, course, intake, week, planned);
            sessions.add(caseId, new Session(date, Attendance.ATTENDED,
                    List.of(new Score(measure, value), new Score(MeasureCatalogue.SRS, alliance(course, allianceLevel, week, planned))),
                    homework(course, week)));
        }
        if (!finished && (course == Course.FLAT || course == Course.WEAK_ALLIANCE) && random.nextInt(2) == 0) {
            reflect(caseId, therapist, course, lastDate);
        }
        return caseId;
    }

    /** Intake severity above the clinical cut-off; a deteriorating course starts nearer it, with room to worsen. */
    private double intake(Measure measure, Course course) {
        var range = measure.range();
        var cutoff = measure.cutoff().value();
        var spread = course == Course.DETERIORATING ? 0.25 : 0.7;
        var distance = 1 + random.nextInt(Math.max(2, (int) (Math.abs(
                (measure.betterWhen() == Direction.LOWER_IS_BETTER ? range.max() : range.min()) - cutoff) * spread)));
        return measure.betterWhen() == Direction.LOWER_IS_BETTER
                ? Math.min(range.max(), cutoff + distance)
                : Math.max(range.min(), cutoff - distance);
    }

    private boolean missed(Course course, int week, int planned) {
        if (week == 0 || week == planned - 1 && course != Course.DISENGAGING) {
            return false;
        }
        return switch (course) {
            case DISENGAGING -> week >= planned / 2 && random.nextInt(3) > 0;
            default -> random.nextInt(14) == 0;
        };
    }

    private double score(Measure measure, Course course, double intake, int week, int planned) {
        var range = measure.range();
        var span = range.width();
        var progress = (double) week / Math.max(1, planned - 1);
        var better = measure.betterWhen() == Direction.LOWER_IS_BETTER ? -1 : 1;
        double change = switch (course) {
            case IMPROVING -> better * span * 0.45 * Math.sqrt(progress);
            case FLAT, WEAK_ALLIANCE -> 0;
            case DETERIORATING -> -better * span * 0.28 * progress;
            case DISENGAGING -> better * span * 0.06 * progress;
            case LATE_RECOVERING -> progress < 0.55 ? 0 : better * span * 0.5 * (progress - 0.55) / 0.45;
        };
        var noise = (random.nextDouble() - 0.5) * span * 0.06;
        var value = Math.max(range.min(), Math.min(range.max(), intake + change + noise));
        return range.decimals() == 0 ? Math.round(value) : Math.round(value * 10) / 10.0;
    }

    /** Alliance ratings are steady around a case's own level; a weakening alliance falls below the cut-off at the end. */
    private double alliance(Course course, double level, int week, int planned) {
        var value = course == Course.WEAK_ALLIANCE && week >= planned - 3
                ? 33.5 - (week - planned + 3) * 0.8 + random.nextInt(6) / 10.0
                : level + (random.nextInt(7) - 3) / 10.0;
        return Math.max(0, Math.min(40, Math.round(value * 10) / 10.0));
    }

    private Homework homework(Course course, int week) {
        if (week % 2 == 1) {
            return Homework.NOT_SET;
        }
        return switch (course) {
            case DISENGAGING -> random.nextInt(4) == 0 ? Homework.PARTLY : Homework.NO;
            case IMPROVING -> random.nextInt(5) == 0 ? Homework.PARTLY : Homework.YES;
            default -> Homework.values()[1 + random.nextInt(3)];
        };
    }

    private void reflect(CaseId caseId, UserId author, Course course, LocalDate lastSession) {
        var hard = course == Course.WEAK_ALLIANCE && random.nextInt(2) == 0;
        var answers = course == Course.FLAT ? DemoNotes.methodDoesNotFit() : DemoNotes.tenseRelationship(hard);
        var written = lastSession.atTime(18, 0).toInstant(ZoneOffset.UTC);
        notes.save(ReflectiveNote.write(caseId, author, answers, hard, written));
    }
}
