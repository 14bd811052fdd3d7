package org.unstuck.web.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Import files written for tests. */
final class CsvFiles {

    static final String HEADER = "session_id,client_code,case_ref,therapist,approach,presenting_problem,primary_measure,"
            + "session_date,attendance,primary_score,alliance_measure,alliance_score,homework";
    static final String HEADER_WITH_ITEMS = HEADER + ",primary_items";

    private CsvFiles() {
    }

    /** The header, then the lines. */
    static Path write(Path folder, String name, List<String> lines) {
        return write(folder, name, HEADER, lines);
    }

    static Path write(Path folder, String name, String header, List<String> lines) {
        return write(folder, name, (header + "\r\n" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path folder, String name, byte[] content) {
        try {
            return Files.write(folder.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An attended PHQ-9 session of a CBT case of therapist1. */
    static String session(String id, String client, String caseRef, String date, int phq9) {
        return String.join(",", id, client, caseRef, "therapist1", "CBT", "Low mood", "PHQ-9", date, "attended",
                Integer.toString(phq9), "SRS", "36.5", "yes");
    }

    /** A session of a CBT case of therapist1 under {@link #HEADER_WITH_ITEMS}, its total and items as given. */
    static String session(String id, String client, String caseRef, String date, String measure, String attendance,
            String total, String items) {
        return String.join(",", id, client, caseRef, "therapist1", "CBT", "Low mood", measure, date, attendance, total, "", "",
                "", items);
    }
}
