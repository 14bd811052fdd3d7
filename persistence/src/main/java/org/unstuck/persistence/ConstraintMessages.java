package org.unstuck.persistence;

import java.sql.SQLException;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DataIntegrityViolationException;
import org.unstuck.domain.InvalidDataException;

/**
 * Turns a row the database refused into a message a person can act on, named by the constraint
 * that refused it. Messages written by the schema's own checks are passed on as they are.
 */
public final class ConstraintMessages {

    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("org.unstuck.persistence.constraints");

    private ConstraintMessages() {
    }

    public static InvalidDataException translate(DataIntegrityViolationException refusal) {
        var server = serverError(refusal);
        var error = server == null ? null : server.getServerErrorMessage();
        var constraint = error == null ? null : error.getConstraint();
        if (constraint == null) {
            return new InvalidDataException("The record breaks a rule of the practice's data; nothing was saved.", refusal);
        }
        var written = error.getMessage();
        // PostgreSQL's own messages name the constraint; the schema's trigger checks write a sentence for people.
        if (written != null && !written.contains(constraint)) {
            return new InvalidDataException(written, refusal);
        }
        return new InvalidDataException(MESSAGES.containsKey(constraint) ? MESSAGES.getString(constraint)
                : "The record breaks a rule of the practice's data (" + constraint + "); nothing was saved.", refusal);
    }

    private static @Nullable PSQLException serverError(Throwable refusal) {
        for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql) {
                return psql;
            }
            if (cause instanceof SQLException sql && sql.getNextException() instanceof PSQLException next) {
                return next;
            }
        }
        return null;
    }
}
