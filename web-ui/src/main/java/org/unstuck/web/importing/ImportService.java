package org.unstuck.web.importing;

import jakarta.annotation.security.RolesAllowed;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unstuck.domain.progress.AssessmentCause;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.CaseOpeningPolicies;
import org.unstuck.domain.credential.CredentialPolicies;
import org.unstuck.domain.credential.Credentials;
import org.unstuck.domain.credential.TherapistCompliance;
import org.unstuck.domain.credential.TherapistNotReadyException;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.measure.Measures;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.practice.Username;
import org.unstuck.domain.review.RiskAlerts;
import org.unstuck.persistence.ConstraintMessages;
import org.unstuck.persistence.importing.ImportStore;
import org.unstuck.persistence.importing.ImportStore.CaseValues;
import org.unstuck.persistence.importing.ImportStore.SessionValues;
import org.unstuck.persistence.importing.ImportStore.StoredCase;
import org.unstuck.persistence.importing.ImportStore.StoredSession;
import org.unstuck.persistence.progress.CaseProgressUpdater;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.notification.Notifications;
import org.unstuck.web.notification.Notifications.RaisedRisk;

/**
 * Imports a CSV export of sessions, for the upload screen and the command line alike. The file is
 * read twice from disk, never held whole: first every row is checked, and a file with any error is
 * refused with every error listed; then a clean file is written in one transaction, in batches.
 * Rows are matched by case reference and external session id, so importing a file again changes
 * nothing, and a changed row updates what it matches.
 */
@Service
public class ImportService {

    /** The most errors one answer lists; the rest are counted. */
    public static final int MAX_ERRORS = 200;
    private static final int BATCH = 1_000;
    private static final int REASSESSED_AT_ONCE = 100;

    private final Measures measures;
    private final UserAccounts accounts;
    private final Credentials credentials;
    private final CredentialPolicies policies;
    private final ImportStore store;
    private final CaseProgressUpdater progress;
    private final AuditRecorder audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final CaseOpeningPolicies openingPolicy;
    private final RiskAlerts riskAlerts;
    private final Notifications notifications;

    ImportService(Measures measures, UserAccounts accounts, Credentials credentials, CredentialPolicies policies,
            ImportStore store, CaseProgressUpdater progress, AuditRecorder audit, PlatformTransactionManager transactions,
            Clock clock, CaseOpeningPolicies openingPolicy, RiskAlerts riskAlerts, Notifications notifications) {
        this.measures = measures;
        this.accounts = accounts;
        this.credentials = credentials;
        this.policies = policies;
        this.store = store;
        this.progress = progress;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.openingPolicy = openingPolicy;
        this.riskAlerts = riskAlerts;
        this.notifications = notifications;
    }

    /**
     * What the checking pass learnt of a file.
     *
     * @param storedSessions the file's session ids that were already stored; the writing pass looks
     *     up only these, so a new file is written without a look-up per batch
     */
    private record Checked(long rows, String sha256, Map<String, CaseSeen> cases, Set<String> storedSessions,
            List<ImportError> errors, int errorCount) {
    }

    /** A case as its first row in the file describes it, with its earliest session and the line of each day's session. */
    private static final class CaseSeen {
        final ImportRow first;
        LocalDate earliest;
        final Map<LocalDate, Integer> days = new HashMap<>();

        CaseSeen(ImportRow first) {
            this.first = first;
            this.earliest = first.date();
            days.put(first.date(), first.line());
        }

        CaseValues values() {
            return new CaseValues(first.caseRef(), first.clientCode(), first.therapistId(), first.approach(),
                    first.presentingProblem(), first.primaryMeasure(), first.allianceMeasure(), earliest);
        }
    }

    /** Errors in file order, keeping the first {@link #MAX_ERRORS} and counting the rest. */
    private static final class Errors {
        final List<ImportError> kept = new ArrayList<>();
        int count;

        void addAll(List<ImportError> errors) {
            errors.forEach(this::add);
        }

        void add(ImportError error) {
            count++;
            kept.add(error);
            if (kept.size() > 2 * MAX_ERRORS) {
                trim();
            }
        }

        List<ImportError> first() {
            trim();
            return List.copyOf(kept);
        }

        private void trim() {
            kept.sort(Comparator.comparingInt(ImportError::line));
            if (kept.size() > MAX_ERRORS) {
                kept.subList(MAX_ERRORS, kept.size()).clear();
            }
        }
    }

    /**
     * Checks the file and, when every row is right, writes it whole.
     *
     * @param fileName the name the person gave the file, for the answer and the audit trail
     */
    @RolesAllowed({"ADMIN", "PRACTICE_MANAGER"})
    public ImportResult importFile(Path file, String fileName, ImportProgress listener) {
        try {
            var size = Files.size(file);
            var today = LocalDate.now(clock);
            var therapists = new Therapists();
            var checked = check(file, size, today, therapists, listener);
            if (checked.errorCount() > 0) {
                audit.refused("import.file", null, fileName, detail(size, checked, checked.errorCount() + " errors"));
                return new ImportResult.Refused(fileName, checked.rows(), checked.errors(), checked.errorCount());
            }
            try {
                return Objects.requireNonNull(transaction.execute(status -> write(file, fileName, size, checked, today, therapists, listener)));
            } catch (DataIntegrityViolationException refused) {
                // Someone changed the practice's data between the check and the write; nothing of the file was kept.
                var message = ConstraintMessages.translate(refused).getMessage();
                audit.refused("import.file", null, fileName, detail(size, checked, "refused by the database"));
                return new ImportResult.Refused(fileName, checked.rows(),
                        List.of(new ImportError(0, null, message + " Nothing was imported; try again.")), 1);
            }
        } catch (IOException unreadable) {
            auditStopped(fileName, unreadable);
            throw new UncheckedIOException(unreadable);
        } catch (RuntimeException failure) {
            auditStopped(fileName, failure);
            throw failure;
        }
    }

    /** An import that stopped on an error of the system, not of the file, is in the trail with the kind of error. */
    private void auditStopped(String fileName, Exception failure) {
        try {
            audit.refused("import.file", null, fileName, "stopped by an unexpected error (" + failure.getClass().getSimpleName() + ")");
        } catch (RuntimeException auditFailed) {
            failure.addSuppressed(auditFailed);
        }
    }

    private static String detail(long size, Checked checked, String outcome) {
        return size + " bytes, SHA-256 " + checked.sha256() + ", " + checked.rows() + " rows, " + outcome;
    }

    private Checked check(Path file, long size, LocalDate today, Therapists therapists, ImportProgress listener)
            throws IOException {
        var errors = new Errors();
        var cases = new LinkedHashMap<String, CaseSeen>();
        var sessions = new HashMap<String, SessionSeen>();
        var digest = sha256();
        long rows = 0;
        var structureRight = false;
        try (var counting = new CountingInputStream(Files.newInputStream(file));
                var hashed = new DigestInputStream(counting, digest);
                var csv = new CsvReader(hashed)) {
            try {
                var parser = header(csv, errors, today, therapists);
                if (parser != null) {
                    CsvReader.Record record;
                    while ((record = csv.next()) != null) {
                        if (blank(record)) {
                            continue;
                        }
                        rows++;
                        var found = new ArrayList<ImportError>();
                        var row = parser.parse(record, found);
                        once(parser.sessionId(record), record.line(), row, sessions, found);
                        errors.addAll(found);
                        if (row != null) {
                            agree(row, cases, errors);
                        }
                        if (rows % BATCH == 0) {
                            listener.reached(ImportProgress.Phase.CHECKING, counting.count, size);
                        }
                    }
                    if (rows == 0 && errors.count == 0) {
                        errors.add(new ImportError(2, null, "the file has its header but no rows; "
                                + "put one session on each line after the header"));
                    }
                    structureRight = true;
                }
            } catch (CharacterCodingException notUtf8) {
                errors.add(new ImportError(csv.line(), null, "the file is not UTF-8 text (the bytes at this line are not "
                        + "UTF-8); save it as \"CSV UTF-8\" and import it again"));
            } catch (CsvReader.MalformedCsvException malformed) {
                errors.add(new ImportError(malformed.line(), null, malformed.getMessage()));
            }
            hashed.transferTo(OutputStream.nullOutputStream());
        }
        listener.reached(ImportProgress.Phase.CHECKING, size, size);
        var storedSessions = structureRight ? checkAgainstStored(cases, sessions, errors, today, therapists) : Set.<String>of();
        return new Checked(rows, HexFormat.of().formatHex(digest.digest()), cases, storedSessions, errors.first(), errors.count);
    }

    private @Nullable RowParser header(CsvReader csv, Errors errors, LocalDate today, Therapists therapists)
            throws IOException {
        var header = csv.next();
        var columns = String.join(", ", Column.headers());
        if (header == null) {
            errors.add(new ImportError(1, null, "the file is empty; its first line names the columns: " + columns));
            return null;
        }
        if (header.values().size() == 1) {
            var only = header.values().getFirst();
            var separator = only.contains(";") ? "semicolons" : only.contains("\t") ? "tabs" : only.contains("|") ? "bars" : null;
            if (separator != null) {
                errors.add(new ImportError(1, null, "the columns are separated by " + separator + "; Unstuck reads "
                        + "comma-separated files. Save the export as \"CSV UTF-8 (comma delimited)\" and import it again"));
                return null;
            }
        }
        var positions = new EnumMap<Column, Integer>(Column.class);
        var found = new ArrayList<ImportError>();
        for (var position = 0; position < header.values().size(); position++) {
            var name = header.values().get(position).strip();
            var column = Column.byHeader(name);
            if (column.isEmpty()) {
                found.add(new ImportError(1, name, "not a column of the import format; the columns are " + columns));
            } else if (positions.putIfAbsent(column.get(), position) != null) {
                found.add(new ImportError(1, name, "this column is named twice in the header; name it once"));
            }
        }
        for (var column : Column.values()) {
            if (column.required() && !positions.containsKey(column)) {
                found.add(new ImportError(1, column.header(), "missing from the header; every file has the columns "
                        + Column.headers().stream().filter(name -> Column.byHeader(name).orElseThrow().required())
                                .collect(Collectors.joining(", "))
                        + " (primary_items, alliance_measure, alliance_score and homework may be left out)"));
            }
        }
        errors.addAll(found);
        if (!found.isEmpty()) {
            return null;
        }
        var catalogue = MeasureCatalogue.withPracticeMeasures(measures.practiceDefined());
        return new RowParser(positions, header.values().size(), catalogue, therapists::id, today);
    }

    private static boolean blank(CsvReader.Record record) {
        return record.values().stream().allMatch(String::isBlank);
    }

    private record SessionSeen(int line, String caseRef) {
    }

    /** Each session is on one line only, whether or not its lines are right otherwise. */
    private static void once(String sessionId, int line, @Nullable ImportRow row, Map<String, SessionSeen> sessions,
            List<ImportError> errors) {
        if (sessionId.isEmpty()) {
            return;
        }
        var earlier = sessions.putIfAbsent(sessionId, new SessionSeen(line, row == null ? "" : row.caseRef()));
        if (earlier != null) {
            errors.add(0, RowParser.error(line, Column.SESSION_ID, "session '" + sessionId + "' is also on line "
                    + earlier.line() + "; each session is on one line only"));
        }
    }

    /** A row against the rows of its case before it: every row of a case agrees on the case. */
    private static void agree(ImportRow row, Map<String, CaseSeen> cases, Errors errors) {
        var seen = cases.get(row.caseRef());
        if (seen == null) {
            cases.put(row.caseRef(), new CaseSeen(row));
            return;
        }
        var first = seen.first;
        disagree(row, first, Column.CLIENT_CODE, first.clientCode().equals(row.clientCode()), errors);
        disagree(row, first, Column.THERAPIST, first.therapist().equals(row.therapist()), errors);
        disagree(row, first, Column.APPROACH, first.approach().equals(row.approach()), errors);
        disagree(row, first, Column.PRESENTING_PROBLEM, first.presentingProblem().equals(row.presentingProblem()), errors);
        disagree(row, first, Column.PRIMARY_MEASURE, first.primaryMeasure().equals(row.primaryMeasure()), errors);
        disagree(row, first, Column.ALLIANCE_MEASURE, Objects.equals(first.allianceMeasure(), row.allianceMeasure()), errors);
        if (row.date().isBefore(seen.earliest)) {
            seen.earliest = row.date();
        }
        var sameDay = seen.days.putIfAbsent(row.date(), row.line());
        if (sameDay != null) {
            errors.add(RowParser.error(row.line(), Column.SESSION_DATE, "case '" + row.caseRef() + "' already has a session on "
                    + row.date() + " on line " + sameDay + "; a case has one session a day"));
        }
    }

    private static void disagree(ImportRow row, ImportRow first, Column column, boolean same, Errors errors) {
        if (!same) {
            errors.add(RowParser.error(row.line(), column, "case '" + row.caseRef() + "' has another " + column.header()
                    + " on line " + first.line() + "; every row of a case gives the same " + column.header()));
        }
    }

    /** The file against the practice's stored cases and sessions; returns the file's session ids already stored. */
    private Set<String> checkAgainstStored(Map<String, CaseSeen> cases, Map<String, SessionSeen> sessions, Errors errors,
            LocalDate today, Therapists therapists) {
        var stored = store.casesByReference(cases.keySet());
        var policy = openingPolicy.current();
        for (var seen : cases.values()) {
            var first = seen.first;
            var existing = stored.get(first.caseRef());
            if ((existing == null || seen.earliest.isBefore(existing.values().opened())) && !policy.allows(seen.earliest, today)) {
                errors.add(RowParser.error(seen.days.getOrDefault(seen.earliest, first.line()), Column.SESSION_DATE,
                        "case '" + first.caseRef() + "' would open on " + seen.earliest + ", its first session; the practice "
                        + "opens cases between " + policy.earliestOpening(today) + " and today, " + today));
            }
            if (existing == null) {
                therapists.notReadyForNewCases(first.therapistId(), today).ifPresent(why -> errors.add(RowParser.error(
                        first.line(), Column.THERAPIST, "'" + first.therapist() + "' cannot be given new cases (" + why
                                + "); case '" + first.caseRef() + "' is new. Renew the credential, or give the case to "
                                + "another therapist")));
                continue;
            }
            var values = existing.values();
            var mismatch = new LinkedHashMap<Column, Boolean>();
            mismatch.put(Column.CLIENT_CODE, !values.clientCode().equals(first.clientCode()));
            mismatch.put(Column.THERAPIST, values.therapistId() != first.therapistId());
            mismatch.put(Column.PRIMARY_MEASURE, !values.primaryMeasure().equals(first.primaryMeasure()));
            mismatch.put(Column.ALLIANCE_MEASURE, first.allianceMeasure() != null
                    && !first.allianceMeasure().equals(values.allianceMeasure()));
            mismatch.forEach((column, differs) -> {
                if (differs) {
                    errors.add(RowParser.error(first.line(), column, "case '" + first.caseRef() + "' is in Unstuck with "
                            + "another " + column.header() + "; an import cannot change a case's " + column.header()));
                }
            });
            if (existing.closed() != null) {
                errors.add(RowParser.error(first.line(), Column.CASE_REF, "case '" + first.caseRef() + "' was closed in "
                        + "Unstuck on " + existing.closed() + "; an import does not change a closed case"));
            }
        }
        var ids = new ArrayList<>(sessions.keySet());
        var storedIds = new HashSet<String>();
        for (var from = 0; from < ids.size(); from += 10 * BATCH) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + 10 * BATCH));
            store.sessionsByExternalId(chunk).forEach((id, session) -> {
                storedIds.add(id);
                var seen = sessions.get(id);
                if (!seen.caseRef().isEmpty() && !session.values().caseReference().equals(seen.caseRef())) {
                    errors.add(RowParser.error(seen.line(), Column.CASE_REF, "session '" + id + "' belongs to another case "
                            + "in Unstuck; an import cannot move a session to another case"));
                }
            });
        }
        return storedIds;
    }

    private ImportResult.Imported write(Path file, String fileName, long size, Checked checked, LocalDate today,
            Therapists therapists, ImportProgress listener) {
        var stored = store.casesByReference(checked.cases().keySet());
        var created = new ArrayList<CaseValues>();
        var updated = new ArrayList<StoredCase>();
        for (var seen : checked.cases().values()) {
            var values = seen.values();
            var existing = stored.get(values.reference());
            if (existing == null) {
                created.add(values);
                continue;
            }
            var before = existing.values();
            var opened = values.opened().isBefore(before.opened()) ? values.opened() : before.opened();
            var after = new CaseValues(before.reference(), before.clientCode(), before.therapistId(), values.approach(),
                    values.presentingProblem(), before.primaryMeasure(), before.allianceMeasure(), opened);
            if (!after.equals(before)) {
                updated.add(new StoredCase(existing.id(), after, existing.closed()));
            }
        }
        var clients = store.addClients(created.stream().map(CaseValues::clientCode).collect(Collectors.toCollection(LinkedHashSet::new)));
        store.createCases(created);
        store.updateCases(updated);
        var caseIds = store.caseIds(checked.cases().keySet());
        var affected = new LinkedHashSet<String>();
        created.forEach(values -> affected.add(values.reference()));
        updated.forEach(changedCase -> affected.add(changedCase.values().reference()));
        var tally = new Tally();
        try (var csv = new CsvReader(Files.newInputStream(file))) {
            var parser = Objects.requireNonNull(header(csv, new Errors(), today, therapists), "checked file changed");
            var chunk = new ArrayList<ImportRow>(BATCH);
            long rows = 0;
            CsvReader.Record record;
            while ((record = csv.next()) != null) {
                if (blank(record)) {
                    continue;
                }
                var found = new ArrayList<ImportError>();
                chunk.add(Objects.requireNonNull(parser.parse(record, found), "checked row changed"));
                rows++;
                if (chunk.size() == BATCH) {
                    writeSessions(chunk, checked.storedSessions(), caseIds, affected, tally);
                    listener.reached(ImportProgress.Phase.WRITING, rows, checked.rows());
                }
            }
            writeSessions(chunk, checked.storedSessions(), caseIds, affected, tally);
            listener.reached(ImportProgress.Phase.WRITING, rows, checked.rows());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        var toReassess = affected.stream().map(reference -> new CaseId(caseIds.get(reference))).toList();
        var alerts = raiseRiskAlerts(affected, caseIds, checked.cases());
        for (var from = 0; from < toReassess.size(); from += REASSESSED_AT_ONCE) {
            var to = Math.min(toReassess.size(), from + REASSESSED_AT_ONCE);
            progress.recompute(toReassess.subList(from, to), AssessmentCause.IMPORT);
            listener.reached(ImportProgress.Phase.REASSESSING, to, toReassess.size());
        }
        // Each case the file created or changed has its own entry, so the case's audit history shows the import.
        // They are written last: the first audit row takes the chain's lock until commit, and other people's
        // audited actions must not wait for the re-assessment.
        toReassess.forEach(caseId -> audit.allowed("import.case", caseId, "from " + fileName));
        var result = new ImportResult.Imported(fileName, checked.rows(), clients, created.size(), updated.size(),
                tally.added, tally.updated, tally.unchanged, alerts);
        audit.allowed("import.file", null, fileName, detail(size, checked, result.clientsCreated() + " clients and "
                + result.casesCreated() + " cases created, " + result.casesUpdated() + " cases updated; sessions "
                + result.sessionsAdded() + " added, " + result.sessionsUpdated() + " updated, " + result.sessionsUnchanged()
                + " unchanged" + (alerts == 0 ? "" : "; " + alerts + " risk alerts raised")));
        return result;
    }

    /**
     * Raises the alerts of the cases' item scores before the cases are re-assessed, so a case whose
     * critical item is endorsed is RISK at once, and tells each case's therapist and supervisors of
     * its latest session with a new alert; returns how many alerts were raised.
     */
    private int raiseRiskAlerts(Collection<String> references, Map<String, Long> caseIds, Map<String, CaseSeen> cases) {
        var ids = references.stream().map(reference -> new CaseId(caseIds.get(reference))).toList();
        var raised = riskAlerts.raiseFromScores(ids, clock.instant());
        var told = new ArrayList<RaisedRisk>();
        for (var reference : references) {
            var caseId = new CaseId(caseIds.get(reference));
            var gained = raised.get(caseId);
            if (gained != null) {
                var first = cases.get(reference).first;
                told.add(new RaisedRisk(caseId, first.clientCode(), new UserId(first.therapistId()), gained.latestSession()));
            }
        }
        notifications.riskAlerts(told);
        return raised.values().stream().mapToInt(RiskAlerts.Raised::alerts).sum();
    }

    /** How many sessions a file added, updated and left as they were. */
    private static final class Tally {
        long added;
        long updated;
        long unchanged;
    }

    /** Writes one batch of rows. */
    private void writeSessions(List<ImportRow> chunk, Set<String> storedSessions, Map<String, Long> caseIds,
            Set<String> affected, Tally tally) {
        if (chunk.isEmpty()) {
            return;
        }
        var stored = chunk.stream().map(ImportRow::sessionId).filter(storedSessions::contains).toList();
        var existing = stored.isEmpty() ? Map.<String, StoredSession>of() : store.sessionsByExternalId(stored);
        var added = new ArrayList<SessionValues>();
        var changed = new ArrayList<StoredSession>();
        for (var row : chunk) {
            var values = new SessionValues(row.sessionId(), row.caseRef(), row.date(), row.attendance(), row.homework(),
                    row.scores(), row.primaryItems().isEmpty() ? Map.of() : Map.of(row.primaryMeasure(), row.primaryItems()));
            var before = existing.get(row.sessionId());
            if (before == null) {
                added.add(values);
            } else if (!before.values().equals(values)) {
                changed.add(new StoredSession(before.id(), values));
            } else {
                tally.unchanged++;
                continue;
            }
            affected.add(row.caseRef());
        }
        tally.added += added.size();
        tally.updated += changed.size();
        store.writeSessions(added, changed, caseIds);
        chunk.clear();
    }

    /** The practice's therapists by username, looked up once per import. */
    private final class Therapists {
        private final Map<String, Optional<Long>> ids = new HashMap<>();
        private final Map<Long, Optional<String>> notReady = new HashMap<>();

        Optional<Long> id(String username) {
            return ids.computeIfAbsent(username, name -> {
                try {
                    return accounts.findByUsername(new Username(name))
                            .filter(account -> account.enabled() && account.hasRole(Role.THERAPIST))
                            .map(UserAccount::id).map(UserId::value);
                } catch (IllegalArgumentException notAUsername) {
                    return Optional.empty();
                }
            });
        }

        /** Why the therapist may not be given a new case today, if they may not. */
        Optional<String> notReadyForNewCases(long therapistId, LocalDate today) {
            return notReady.computeIfAbsent(therapistId, id -> {
                var therapist = new UserId(id);
                var compliance = TherapistCompliance.assess(therapist, credentials.of(therapist), credentials.cpdOf(therapist),
                        policies.current().value(), today);
                if (compliance.mayTakeNewCases()) {
                    return Optional.empty();
                }
                var message = new TherapistNotReadyException(compliance.missingForNewCases()).getMessage();
                return Optional.of(message.substring(message.indexOf(':') + 1).strip());
            });
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    /** Counts the bytes read, for the progress of the checking pass. */
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream input) {
            super(input);
        }

        @Override
        public int read() throws IOException {
            var b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            var read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        }
    }
}
