package org.unstuck.web.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.measure.Measure;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.measure.MeasureKind;

/**
 * Reads one data row on its own: every value against the format and the practice's catalogue and
 * therapists. What a row means beside the other rows (duplicates, a case's rows agreeing) is the
 * service's part.
 */
final class RowParser {

    private static final Pattern CLIENT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{1,31}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d+");
    private static final int SHOWN = 40;

    private final Map<Column, Integer> positions;
    private final int width;
    private final MeasureCatalogue catalogue;
    private final Function<String, Optional<Long>> therapistIds;
    private final LocalDate today;

    RowParser(Map<Column, Integer> positions, int width, MeasureCatalogue catalogue,
            Function<String, Optional<Long>> therapistIds, LocalDate today) {
        this.positions = new EnumMap<>(positions);
        this.width = width;
        this.catalogue = catalogue;
        this.therapistIds = therapistIds;
        this.today = today;
    }

    /** The row, or null with the row's errors added to {@code errors}. */
    @Nullable ImportRow parse(CsvReader.Record record, List<ImportError> errors) {
        var line = record.line();
        if (record.values().size() != width) {
            errors.add(new ImportError(line, null, record.values().size() + " values where the header has " + width
                    + " columns; check the commas and quotes of this line"));
            return null;
        }
        var found = new ArrayList<ImportError>();
        var sessionId = text(record, Column.SESSION_ID, 80, "the session's id in the record system", found);
        var caseRef = text(record, Column.CASE_REF, 80, "the case's reference in the record system", found);
        var clientCode = value(record, Column.CLIENT_CODE);
        if (!CLIENT_CODE.matcher(clientCode).matches()) {
            found.add(error(line, Column.CLIENT_CODE, "a client code is 2 to 32 letters, digits, dots, dashes, slashes or "
                    + "underscores, starting with a letter or digit, such as C-0417 (no names)" + got(clientCode)));
        }
        var therapist = value(record, Column.THERAPIST);
        var therapistId = therapist.isEmpty() ? Optional.<Long>empty() : therapistIds.apply(therapist);
        if (therapistId.isEmpty()) {
            found.add(error(line, Column.THERAPIST, therapist.isEmpty()
                    ? "empty; expected the Unstuck username of the case's therapist, such as therapist1"
                    : "no therapist of this practice signs in as '" + shown(therapist)
                            + "'; expected the Unstuck username of the case's therapist, such as therapist1"));
        }
        var approach = value(record, Column.APPROACH);
        if (approach.length() < 2 || approach.length() > 80) {
            found.add(error(line, Column.APPROACH, "an approach is named in 2 to 80 characters, such as CBT" + got(approach)));
        }
        var problem = text(record, Column.PRESENTING_PROBLEM, 200, "the presenting problem", found);
        var primary = measure(record, Column.PRIMARY_MEASURE, MeasureKind.OUTCOME, found);
        var alliance = value(record, Column.ALLIANCE_MEASURE).isEmpty() ? null
                : measure(record, Column.ALLIANCE_MEASURE, MeasureKind.ALLIANCE, found);
        var date = date(record, found);
        var attendance = attendance(record, found);
        var attended = attendance == Attendance.ATTENDED;
        var scores = new TreeMap<String, BigDecimal>();
        var items = items(record, primary, attendance, found);
        score(record, Column.PRIMARY_SCORE, primary, attendance, value(record, Column.PRIMARY_ITEMS).isEmpty(), scores, found);
        if (primary != null && !items.isEmpty()) {
            totalOfItems(record.line(), primary, items, scores, found);
        }
        if (!value(record, Column.ALLIANCE_SCORE).isEmpty() && value(record, Column.ALLIANCE_MEASURE).isEmpty()) {
            found.add(error(line, Column.ALLIANCE_SCORE, "a score without its measure; name the alliance measure, such as "
                    + "SRS, in alliance_measure, or leave the score empty"));
        } else {
            score(record, Column.ALLIANCE_SCORE, alliance, attendance, false, scores, found);
        }
        var homework = homework(record, attended, attendance, found);
        if (!found.isEmpty()) {
            errors.addAll(found);
            return null;
        }
        return new ImportRow(line, sessionId, clientCode, caseRef, therapist, therapistId.orElseThrow(), approach, problem,
                primary.code().value(), alliance == null ? null : alliance.code().value(), date, attendance, homework, scores,
                items);
    }

    /** The session id of a row, as written, for finding duplicates among rows that are wrong otherwise too. */
    String sessionId(CsvReader.Record record) {
        return record.values().size() == width ? value(record, Column.SESSION_ID) : "";
    }

    private String value(CsvReader.Record record, Column column) {
        var position = positions.get(column);
        return position == null ? "" : record.values().get(position).strip();
    }

    private String text(CsvReader.Record record, Column column, int max, String what, List<ImportError> found) {
        var text = value(record, column);
        if (text.isEmpty() || text.length() > max) {
            found.add(error(record.line(), column, "expected " + what + " in 1 to " + max + " characters"
                    + (text.isEmpty() ? "; the value is empty" : "; got " + text.length())));
        }
        return text;
    }

    private @Nullable Measure measure(CsvReader.Record record, Column column, MeasureKind kind, List<ImportError> found) {
        var code = value(record, column);
        var allowed = catalogue.ofKind(kind).stream()
                .filter(measure -> kind != MeasureKind.OUTCOME || measure.reliableChange() != null).toList();
        var measure = allowed.stream().filter(candidate -> candidate.code().value().equalsIgnoreCase(code)).findFirst();
        if (measure.isEmpty()) {
            var names = allowed.stream().map(candidate -> candidate.code().value()).collect(Collectors.joining(", "));
            found.add(error(record.line(), column, "expected " + (kind == MeasureKind.OUTCOME
                    ? "an outcome measure of the practice's catalogue: " : "an alliance measure of the practice's catalogue: ")
                    + names + (code.isEmpty() ? "; the value is empty" : "; got '" + shown(code) + "'")));
        }
        return measure.orElse(null);
    }

    private @Nullable LocalDate date(CsvReader.Record record, List<ImportError> found) {
        var text = value(record, Column.SESSION_DATE);
        LocalDate date = null;
        if (ISO_DATE.matcher(text).matches()) {
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException notADay) {
                date = null;
            }
        }
        if (date == null) {
            found.add(error(record.line(), Column.SESSION_DATE, "expected a date as YYYY-MM-DD, such as 2026-03-14"
                    + got(text)));
        } else if (date.isAfter(today)) {
            found.add(error(record.line(), Column.SESSION_DATE, date + " is in the future; today is " + today
                    + ", and only sessions that took place are imported"));
        }
        return date;
    }

    private @Nullable Attendance attendance(CsvReader.Record record, List<ImportError> found) {
        var text = value(record, Column.ATTENDANCE).toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (var attendance : Attendance.values()) {
            if (attendance.name().equals(text)) {
                return attendance;
            }
        }
        found.add(error(record.line(), Column.ATTENDANCE, "expected attended, cancelled or no_show"
                + got(value(record, Column.ATTENDANCE))));
        return null;
    }

    private void score(CsvReader.Record record, Column column, @Nullable Measure measure, @Nullable Attendance attendance,
            boolean required, Map<String, BigDecimal> scores, List<ImportError> found) {
        var text = value(record, column);
        if (attendance == null || measure == null) {
            return;
        }
        if (attendance != Attendance.ATTENDED) {
            if (!text.isEmpty()) {
                found.add(error(record.line(), column, "only an attended session has scores; this one is "
                        + attendance.name().toLowerCase(Locale.ROOT) + ", so leave the score empty" + got(text)));
            }
            return;
        }
        var range = measure.range();
        if (text.isEmpty()) {
            if (required) {
                found.add(error(record.line(), column, "an attended session needs its " + measure.code() + " score ("
                        + range.describe() + (measure.itemsIfDefined().isPresent() ? ") or its items in primary_items"
                                : ")") + "; the value is empty"));
            }
            return;
        }
        BigDecimal score;
        try {
            score = new BigDecimal(text).stripTrailingZeros();
        } catch (NumberFormatException notANumber) {
            found.add(error(record.line(), column, measure.code() + " scores are numbers " + range.describe() + got(text)));
            return;
        }
        if (score.scale() > range.decimals() || score.doubleValue() < range.min() || score.doubleValue() > range.max()) {
            found.add(error(record.line(), column, measure.code() + " scores are " + range.describe() + "; got " + shown(text)));
            return;
        }
        scores.put(measure.code().value(), score);
    }

    /** The primary measure's item scores in item order; none when the column is empty or a value is wrong. */
    private List<Integer> items(CsvReader.Record record, @Nullable Measure measure, @Nullable Attendance attendance,
            List<ImportError> found) {
        var text = value(record, Column.PRIMARY_ITEMS);
        if (text.isEmpty() || attendance == null || measure == null) {
            return List.of();
        }
        if (attendance != Attendance.ATTENDED) {
            found.add(error(record.line(), Column.PRIMARY_ITEMS, "only an attended session has scores; this one is "
                    + attendance.name().toLowerCase(Locale.ROOT) + ", so leave the items empty" + got(text)));
            return List.of();
        }
        var defined = measure.itemsIfDefined();
        if (defined.isEmpty()) {
            found.add(error(record.line(), Column.PRIMARY_ITEMS, measure.code() + " has no items in Unstuck; give its total "
                    + "in primary_score and leave primary_items empty" + got(text)));
            return List.of();
        }
        var allowed = measure.code() + " has " + defined.get().count() + " items scored 0–" + defined.get().maxEach() + " each";
        var values = WHITESPACE.split(text);
        if (!Arrays.stream(values).allMatch(WHOLE_NUMBER.asMatchPredicate())) {
            found.add(error(record.line(), Column.PRIMARY_ITEMS, allowed + ", written as whole numbers separated by spaces"
                    + got(text)));
            return List.of();
        }
        if (values.length != defined.get().count()) {
            found.add(error(record.line(), Column.PRIMARY_ITEMS, allowed + "; got " + values.length
                    + (values.length == 1 ? " value" : " values")));
            return List.of();
        }
        var items = new ArrayList<Integer>(values.length);
        for (var position = 0; position < values.length; position++) {
            var item = values[position].length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(values[position]);
            if (item > defined.get().maxEach()) {
                found.add(error(record.line(), Column.PRIMARY_ITEMS, allowed + "; item " + (position + 1) + " is "
                        + shown(values[position])));
                return List.of();
            }
            items.add(item);
        }
        return List.copyOf(items);
    }

    /** The items make the total where none is given, and must agree with one that is. */
    private static void totalOfItems(int line, Measure measure, List<Integer> items, Map<String, BigDecimal> scores,
            List<ImportError> found) {
        // Stripped as a written score is, so that a sum of 10 matches the 10 stored before.
        var sum = BigDecimal.valueOf(items.stream().mapToInt(Integer::intValue).sum()).stripTrailingZeros();
        var total = scores.putIfAbsent(measure.code().value(), sum);
        if (total != null && total.compareTo(sum) != 0) {
            found.add(error(line, Column.PRIMARY_ITEMS, "the " + measure.code() + " items add up to " + sum.toPlainString()
                    + " but primary_score is " + total.toPlainString() + "; correct the one that is wrong, or leave "
                    + "primary_score empty to take the items' sum"));
        }
    }

    private Homework homework(CsvReader.Record record, boolean attended, @Nullable Attendance attendance,
            List<ImportError> found) {
        var text = value(record, Column.HOMEWORK);
        if (text.isEmpty()) {
            return Homework.NOT_SET;
        }
        var homework = switch (text.toLowerCase(Locale.ROOT)) {
            case "yes" -> Homework.YES;
            case "partly" -> Homework.PARTLY;
            case "no" -> Homework.NO;
            default -> null;
        };
        if (homework == null) {
            found.add(error(record.line(), Column.HOMEWORK, "expected yes, partly, no or empty" + got(text)));
            return Homework.NOT_SET;
        }
        if (!attended && attendance != null) {
            found.add(error(record.line(), Column.HOMEWORK, "homework is recorded for attended sessions only; this one is "
                    + attendance.name().toLowerCase(Locale.ROOT) + ", so leave homework empty"));
        }
        return homework;
    }

    static ImportError error(int line, Column column, String message) {
        return new ImportError(line, column.header(), message);
    }

    private static String got(String text) {
        return text.isEmpty() ? "; the value is empty" : "; got '" + shown(text) + "'";
    }

    /** Long values are cut so a message stays one readable line. */
    private static String shown(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }
}
