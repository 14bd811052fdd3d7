package org.unstuck.web.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder that keeps the embedded database between runs. A running Unstuck holds its lock file;
 * a PostgreSQL server left behind by an Unstuck that was killed is stopped before a new start.
 */
final class EmbeddedDataDirectory {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDataDirectory.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private final Path directory;

    EmbeddedDataDirectory(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    Path path() {
        return directory;
    }

    /** Makes the folder ready for a new start, or explains why it cannot be used. */
    void prepare() throws IOException {
        Files.createDirectories(directory);
        refuseIfAnotherApplicationUsesIt();
        orphanedServer().ifPresent(this::stop);
    }

    private void refuseIfAnotherApplicationUsesIt() throws IOException {
        // The same lock file the embedded server takes while an application runs on this folder.
        var lockFile = directory.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        try (var channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            var lock = channel.tryLock();
            if (lock == null) {
                throw inUse();
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw inUse();
        }
    }

    private IllegalStateException inUse() {
        return new IllegalStateException("The embedded database in " + directory
                + " is in use by another running Unstuck. Stop that one first, or start this one with "
                + "--unstuck.embedded-database.directory=<another folder>.");
    }

    private Optional<ProcessHandle> orphanedServer() throws IOException {
        var pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
    }

    private void stop(ProcessHandle server) {
        log.warn("Stopping PostgreSQL (PID {}) left running on {} by an earlier Unstuck", server.pid(), directory);
        server.destroy();
        try {
            server.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            server.destroyForcibly();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not stop the PostgreSQL left running on " + directory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the PostgreSQL left on " + directory, e);
        }
    }
}
