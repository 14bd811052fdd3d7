package org.unstuck.web.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.unstuck.domain.audit.ChainVerification.ChainHead;
import org.unstuck.persistence.audit.AuditChainCheck;

/**
 * The chain's newest entry and length, written outside the database after every check (a log line
 * and a line appended to a file), so that deleting the newest entries is found by the next check.
 */
@Component
class AuditChainHeads {

    private static final Logger LOG = LoggerFactory.getLogger(AuditChainHeads.class);
    private static final Pattern LINE = Pattern.compile("\\S+ head=(\\d+) hash=([0-9a-f]{64}) .*");

    private final Path file;

    AuditChainHeads(AuditChainProperties properties) {
        this.file = properties.headsFile().toAbsolutePath().normalize();
    }

    /** Every head exported so far; a line that is not a head is reported and left out. */
    List<ChainHead> exported() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).map(line -> {
                var head = LINE.matcher(line);
                if (!head.matches()) {
                    LOG.warn("Left out a line of {} that is not an audit chain head: {}", file, line);
                    return null;
                }
                return new ChainHead(Long.parseLong(head.group(1)), head.group(2));
            }).filter(Objects::nonNull).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the exported audit chain heads in " + file, e);
        }
    }

    void export(AuditChainCheck check) {
        var verification = check.verification();
        if (verification.head().hash() == null) {
            return;
        }
        var line = "%s head=%d hash=%s entries=%d outcome=%s".formatted(check.checkedAt(), verification.head().sequence(),
                verification.head().hash(), verification.entriesChecked(), verification.intact() ? "intact"
                        : "broken-at-" + verification.firstBreak().orElseThrow().entry());
        LOG.info("Audit chain head: {}", line);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the audit chain head to " + file, e);
        }
    }
}
