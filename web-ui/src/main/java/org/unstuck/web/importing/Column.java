package org.unstuck.web.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The columns of an import file, by their header names; the order in a file is free. */
enum Column {
    SESSION_ID(true),
    CLIENT_CODE(true),
    CASE_REF(true),
    THERAPIST(true),
    APPROACH(true),
    PRESENTING_PROBLEM(true),
    PRIMARY_MEASURE(true),
    SESSION_DATE(true),
    ATTENDANCE(true),
    PRIMARY_SCORE(true),
    PRIMARY_ITEMS(false),
    ALLIANCE_MEASURE(false),
    ALLIANCE_SCORE(false),
    HOMEWORK(false);

    private final boolean required;

    Column(boolean required) {
        this.required = required;
    }

    /** The name in the header row, such as {@code session_id}. */
    String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean required() {
        return required;
    }

    static Optional<Column> byHeader(String header) {
        var name = header.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(column -> column.header().equals(name)).findFirst();
    }

    static List<String> headers() {
        return Arrays.stream(values()).map(Column::header).toList();
    }
}
