package org.unstuck.web.shell;

import java.security.SecureRandom;
import java.sql.SQLTransientConnectionException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What a person is shown of an error nobody foresaw: a reference to give the administrator, who
 * finds the whole exception under it in the log; never the exception's own text.
 */
final class UnexpectedErrors {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrors.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private UnexpectedErrors() {
    }

    /** Logs the error under a new reference and answers the reference. */
    static String logged(Throwable error) {
        var bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        var reference = HexFormat.of().withUpperCase().formatHex(bytes);
        log.error("Unexpected error, reference {}", reference, error);
        return reference;
    }

    /** Whether the error comes from the database being out of reach, which a person can only wait out. */
    static boolean databaseUnavailable(Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
