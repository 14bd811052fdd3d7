package org.unstuck.web.shell;

import com.vaadin.flow.server.VaadinRequest;
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
    private static final String DATABASE_AWAY = UnexpectedErrors.class.getName() + ".databaseAway";

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

    /**
     * Whether the error comes from the database being out of reach, which a person can only wait
     * out. The rest of the request remembers it: see {@link #databaseAwayInThisRequest()}.
     */
    static boolean databaseUnavailable(Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException) {
                var request = VaadinRequest.getCurrent();
                if (request != null) {
                    request.setAttribute(DATABASE_AWAY, Boolean.TRUE);
                }
                return true;
            }
        }
        return false;
    }

    /**
     * Whether this request found the database out of reach already: what a screen can do without is
     * then not asked of it again, as each ask waits the pool's whole connection timeout.
     */
    static boolean databaseAwayInThisRequest() {
        var request = VaadinRequest.getCurrent();
        return request != null && request.getAttribute(DATABASE_AWAY) != null;
    }
}
