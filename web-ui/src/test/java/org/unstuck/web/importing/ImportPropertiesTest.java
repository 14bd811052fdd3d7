package org.unstuck.web.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestContextManager;
import org.unstuck.web.TestSignIn;

/**
 * Generated import files against the real application: a corrupted file never changes the
 * practice, and a valid file imported twice leaves the practice as one import did. jqwik runs
 * outside Spring's JUnit extension, so the cached application context is taken by hand.
 */
@ImportAppTest
class ImportPropertiesTest {

    private static final AtomicInteger FILES = new AtomicInteger();
    /** therapist3's board stays as the browser test expects it. */
    private static final List<String> THERAPISTS = List.of("therapist1", "therapist2", "supervisor1", "supervisor2");

    /** A primary measure, how its scores are written, and its items (none for a measure without them). */
    private record Scale(String code, int max, int decimals, int items, int maxEach) {
        String score(int permille) {
            var value = max * permille / 1000.0;
            return decimals == 0 ? Long.toString(Math.round(value)) : String.format("%.1f", value);
        }

        /** Item scores spread from the seed, each within the item's range. */
        List<Integer> items(int seed) {
            var scores = new ArrayList<Integer>();
            for (var item = 0; item < items; item++) {
                scores.add(Math.floorMod(seed * 31 + item * 17 + seed / (item + 1), maxEach + 1));
            }
            return scores;
        }
    }

    private static final List<Scale> SCALES = List.of(new Scale("PHQ-9", 27, 0, 9, 3), new Scale("GAD-7", 21, 0, 7, 3),
            new Scale("CORE-10", 40, 0, 10, 4), new Scale("ORS", 40, 1, 0, 0));
    /** Every generated file has the primary_items column; files without it are ImportServiceTest's. */
    private static final String HEADER = CsvFiles.HEADER_WITH_ITEMS;

    /** One line of a file as its values, before the file's unique prefix is put in. */
    private record Line(List<String> values) {
    }

    enum Corruption {
        SCORE_OUT_OF_RANGE, NOT_A_DATE, FUTURE_DATE, UNKNOWN_THERAPIST, UNKNOWN_MEASURE, UNKNOWN_ATTENDANCE, DUPLICATE_ROW,
        MISSING_COLUMN, SEMICOLONS, NOT_UTF_8, UNCLOSED_QUOTE, CASE_ROWS_DISAGREE, ITEMS_DO_NOT_FIT, ITEMS_DISAGREE_WITH_TOTAL
    }

    @Autowired ImportService imports;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    @BeforeProperty
    void signInAsAdmin() throws Exception {
        new TestContextManager(ImportPropertiesTest.class).prepareTestInstance(this);
        TestSignIn.as(users, "admin");
    }

    @AfterProperty
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Provide
    Arbitrary<List<Line>> files() {
        // items: -1 for none, otherwise the seed of the item scores, written with the total or without it
        var session = Combinators.combine(Arbitraries.of("attended", "attended", "attended", "cancelled", "no_show"),
                Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 400),
                Arbitraries.of("", "yes", "partly", "no"), Arbitraries.integers().between(0, 365),
                Arbitraries.oneOf(Arbitraries.just(-1), Arbitraries.integers().between(0, 1000)), Arbitraries.of(true, false))
                .as((attendance, score, alliance, homework, daysAgo, items, withTotal) -> List.of(attendance,
                        Integer.toString(score), Integer.toString(alliance), homework, Integer.toString(daysAgo),
                        Integer.toString(items), Boolean.toString(withTotal)));
        var aCase = Combinators.combine(Arbitraries.of(THERAPISTS), Arbitraries.of("CBT", "EMDR", "Person-centred"),
                Arbitraries.of(SCALES), Arbitraries.of(true, false), session.list().ofMinSize(1).ofMaxSize(6))
                .as(CaseSpec::new);
        return aCase.list().ofMinSize(1).ofMaxSize(4).map(ImportPropertiesTest::lines);
    }

    private record CaseSpec(String therapist, String approach, Scale scale, boolean alliance, List<List<String>> sessions) {
    }

    private static List<Line> lines(List<CaseSpec> cases) {
        var lines = new ArrayList<Line>();
        for (var c = 0; c < cases.size(); c++) {
            var spec = cases.get(c);
            for (var s = 0; s < spec.sessions().size(); s++) {
                var session = spec.sessions().get(s);
                // The first session of a case took place, so every file has an attended row to corrupt.
                var attended = s == 0 || session.get(0).equals("attended");
                // One session a week, on a day of that week the generator chose: a case has one session a day.
                var date = LocalDate.now().minusDays(7L * s + Integer.parseInt(session.get(4)) % 7);
                var seed = Integer.parseInt(session.get(5));
                var items = attended && seed >= 0 ? spec.scale().items(seed) : List.<Integer>of();
                var total = items.isEmpty() ? spec.scale().score(Integer.parseInt(session.get(1)))
                        : Boolean.parseBoolean(session.get(6)) ? Integer.toString(items.stream().mapToInt(Integer::intValue).sum()) : "";
                lines.add(new Line(List.of("{p}S" + c + "-" + s, "{p}C" + c, "{p}R" + c, spec.therapist(), spec.approach(),
                        "Presenting problem, \"quoted\"", spec.scale().code(), date.toString(),
                        attended ? "attended" : session.get(0),
                        attended ? total : "",
                        spec.alliance() ? "SRS" : "",
                        attended && spec.alliance() ? String.format("%.1f", Integer.parseInt(session.get(2)) / 10.0) : "",
                        attended ? session.get(3) : "",
                        String.join(" ", items.stream().map(String::valueOf).toList()))));
            }
        }
        return lines;
    }

    @Property(tries = 30)
    void a_valid_file_imported_twice_leaves_the_practice_as_one_import_did(@ForAll("files") List<Line> lines) {
        var file = csv(HEADER, lines, "P" + FILES.incrementAndGet() + "-");

        var first = importFile(file);
        assertThat(first).as("%s", first).isInstanceOf(ImportResult.Imported.class);
        var once = PracticeTables.of(jdbc);
        var second = (ImportResult.Imported) importFile(file);

        assertThat(PracticeTables.of(jdbc)).isEqualTo(once);
        assertThat(second.sessionsUnchanged()).isEqualTo(lines.size());
        assertThat(second.sessionsAdded() + second.sessionsUpdated() + second.casesCreated() + second.casesUpdated()).isZero();
    }

    @Property(tries = 40)
    void a_corrupted_file_never_changes_the_practice(@ForAll("files") List<Line> lines, @ForAll Corruption corruption,
            @ForAll @IntRange(min = 0, max = 1000) int where) {
        var prefix = "Q" + FILES.incrementAndGet() + "-";
        var header = HEADER;
        var rows = new ArrayList<>(lines);
        var index = where % rows.size();
        switch (corruption) {
            case SCORE_OUT_OF_RANGE -> rows.set(0, with(rows.get(0), 9, "99"));
            case NOT_A_DATE -> rows.set(index, with(rows.get(index), 7, "2026-13-01"));
            case FUTURE_DATE -> rows.set(index, with(rows.get(index), 7, LocalDate.now().plusDays(1 + where).toString()));
            case UNKNOWN_THERAPIST -> rows.set(index, with(rows.get(index), 3, "nobody"));
            case UNKNOWN_MEASURE -> rows.set(index, with(rows.get(index), 6, "BDI-II"));
            case UNKNOWN_ATTENDANCE -> rows.set(index, with(rows.get(index), 8, "late"));
            case DUPLICATE_ROW -> rows.add(rows.get(index));
            case MISSING_COLUMN -> header = header.replace("primary_measure,", "");
            case SEMICOLONS -> header = header.replace(',', ';');
            case NOT_UTF_8, UNCLOSED_QUOTE -> {
                // written below, as bytes
            }
            case CASE_ROWS_DISAGREE -> rows.add(with(with(rows.get(0), 0, "{p}extra"), 4, "Another approach"));
            // Two items fit no measure: PHQ-9, GAD-7 and CORE-10 have more, and ORS has none.
            case ITEMS_DO_NOT_FIT -> rows.set(0, with(rows.get(0), 13, "1 1"));
            // Items of all zeros add up to 0; a measure without items is refused for having them at all.
            case ITEMS_DISAGREE_WITH_TOTAL -> rows.set(0, with(with(rows.get(0), 9, "1"), 13, "0 0 0 0 0 0 0 0 0 0"
                    .substring(0, 2 * Math.max(1, itemsOf(rows.get(0))) - 1)));
        }
        var content = csv(header, rows, prefix);
        if (corruption == Corruption.NOT_UTF_8 || corruption == Corruption.UNCLOSED_QUOTE) {
            content = insert(content, where, corruption == Corruption.NOT_UTF_8 ? (byte) 0xFF : (byte) '"');
        }
        var before = PracticeTables.of(jdbc);

        var result = importFile(content);

        assertThat(result).as("%s with %s", result, corruption).isInstanceOf(ImportResult.Refused.class);
        assertThat(((ImportResult.Refused) result).errors()).isNotEmpty();
        assertThat(PracticeTables.of(jdbc)).isEqualTo(before);
    }

    /** One change to a file's bytes, anywhere in it, as damage in transit or a careless edit makes them. */
    private record Damage(Kind kind, int where, int length, byte[] bytes) {

        enum Kind { INSERT, DELETE, REPLACE, CUT_OFF, DUPLICATE_LINE, SWAP_LINES }

        byte[] applyTo(byte[] content) {
            var at = where % (content.length + 1);
            var end = Math.min(content.length, at + length);
            var out = new ByteArrayOutputStream();
            switch (kind) {
                case INSERT -> {
                    out.write(content, 0, at);
                    out.writeBytes(bytes);
                    out.write(content, at, content.length - at);
                }
                case DELETE -> {
                    out.write(content, 0, at);
                    out.write(content, end, content.length - end);
                }
                case REPLACE -> {
                    out.write(content, 0, at);
                    out.writeBytes(bytes);
                    out.write(content, end, content.length - end);
                }
                case CUT_OFF -> out.write(content, 0, at);
                case DUPLICATE_LINE, SWAP_LINES -> {
                    var lines = new ArrayList<>(List.of(new String(content, StandardCharsets.UTF_8).split("(?<=\n)")));
                    var first = where % lines.size();
                    var second = (where / 7 + length) % lines.size();
                    if (kind == Kind.DUPLICATE_LINE) {
                        lines.add(second, lines.get(first));
                    } else {
                        Collections.swap(lines, first, second);
                    }
                    out.writeBytes(String.join("", lines).getBytes(StandardCharsets.UTF_8));
                }
            }
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return kind + " at " + where + " length " + length + " bytes " + HexFormat.of().formatHex(bytes);
        }
    }

    /** Bytes that break a CSV file or hide in it: control characters, byte-order marks, stray quotes and separators. */
    @Provide
    Arbitrary<Damage> damage() {
        var nasty = Arbitraries.of(new byte[] {0}, new byte[] {1}, new byte[] {0x1F}, new byte[] {0x7F}, new byte[] {'\t'},
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[] {(byte) 0xC2, (byte) 0x85},
                new byte[] {(byte) 0xC2, (byte) 0x9F}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3},
                new byte[] {'"'}, new byte[] {','}, new byte[] {';'}, new byte[] {'\n'}, new byte[] {'\r'},
                new byte[] {'\r', '\n', '\r', '\n'}, "=cmd|'/c calc'!A1".getBytes(StandardCharsets.UTF_8),
                "é".getBytes(StandardCharsets.UTF_8), new byte[] {'9', '9', '9'}, new byte[] {'-'});
        var random = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(Arbitraries.of(Damage.Kind.class), Arbitraries.integers().between(0, 5000),
                Arbitraries.integers().between(1, 40), Arbitraries.oneOf(nasty, nasty, random))
                .as(Damage::new);
    }

    /**
     * Whatever is done to a valid file, the import answers with either the file imported or a refusal
     * whose every message names its line; a refusal changes nothing, and either answer is in the
     * audit trail. An exception escaping the import would be the "unexpected error" a user sees.
     */
    @Property(tries = 1000)
    void a_damaged_file_is_imported_or_refused_line_by_line_and_always_audited(@ForAll("files") List<Line> lines,
            @ForAll("damage") Damage first, @ForAll("damage") Damage second, @ForAll boolean twice) {
        var name = "damaged-" + FILES.incrementAndGet() + ".csv";
        var content = first.applyTo(csv(HEADER, lines, "D" + FILES.get() + "-"));
        if (twice) {
            content = second.applyTo(content);
        }
        var before = PracticeTables.of(jdbc);

        var result = importFile(content, name);

        Statistics.label("outcome").collect(result.getClass().getSimpleName());
        Statistics.label("damage").collect(first.kind());
        var audited = jdbc.sql("SELECT outcome FROM audit_event WHERE action = 'import.file' AND subject = :name")
                .param("name", name).query(String.class).list();
        if (result instanceof ImportResult.Refused refused) {
            assertThat(refused.errors()).as("%s", refused).isNotEmpty()
                    .allSatisfy(error -> assertThat(error.line()).as("%s", error).isPositive());
            assertThat(refused.errors()).allSatisfy(error -> assertThat(error.message()).isNotBlank());
            assertThat(PracticeTables.of(jdbc)).isEqualTo(before);
            assertThat(audited).containsExactly("REFUSED");
        } else {
            assertThat(audited).containsExactly("ALLOWED");
        }
    }

    /** How many items the primary measure of the line has. */
    private static int itemsOf(Line line) {
        return SCALES.stream().filter(scale -> scale.code().equals(line.values().get(6))).findFirst().orElseThrow().items();
    }

    private static Line with(Line line, int position, String value) {
        var values = new ArrayList<>(line.values());
        values.set(position, value);
        return new Line(values);
    }

    /** The byte goes into a data row, after the header. */
    private static byte[] insert(byte[] content, int where, byte inserted) {
        var headerEnd = new String(content, StandardCharsets.UTF_8).indexOf('\n') + 1;
        var at = headerEnd + where % (content.length - headerEnd);
        var out = new ByteArrayOutputStream();
        out.write(content, 0, at);
        out.write(inserted);
        out.write(content, at, content.length - at);
        return out.toByteArray();
    }

    private static byte[] csv(String header, List<Line> lines, String prefix) {
        var text = new StringBuilder(header).append("\r\n");
        for (var line : lines) {
            text.append(String.join(",", line.values().stream().map(value -> quoted(value.replace("{p}", prefix))).toList()))
                    .append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private ImportResult importFile(byte[] content) {
        return importFile(content, "generated.csv");
    }

    private ImportResult importFile(byte[] content, String name) {
        try {
            var file = Files.createTempFile("generated", ".csv");
            try {
                return imports.importFile(Files.write(file, content), name, ImportProgress.NONE);
            } finally {
                Files.delete(file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
