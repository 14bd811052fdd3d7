package org.unstuck.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MigrationFilesTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z0-9]+(_[a-z0-9]+)*\\.sql");

    @Test
    void migrations_are_named_v_number_and_snake_case_and_numbered_without_gaps() throws IOException {
        try (var files = Files.list(MIGRATIONS)) {
            var names = files.map(path -> path.getFileName().toString()).sorted().toList();
            assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(name).matches(NAME));
            var versions = names.stream().mapToInt(MigrationFilesTest::version).sorted().toArray();
            assertThat(versions).containsExactly(IntStream.rangeClosed(1, versions.length).toArray());
        }
    }

    private static int version(String fileName) {
        var matcher = NAME.matcher(fileName);
        assertThat(matcher.matches()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
