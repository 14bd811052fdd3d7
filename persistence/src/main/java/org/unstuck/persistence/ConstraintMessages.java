package org.unstuck.persistence;

import java.sql.SQLException;
import java.util.MissingResourceException;
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
        var constraint = server == null ? null : server.getServerErrorMessage() == null ? null
                : server.getServerErrorMessage().getConstraint();
        if (constraint != null) {
            try {
                return new InvalidDataException(MESSAGES.getString(constraint), refusal);
            } catch (MissingResourceException notListed) {
                var written = server.getServerErrorMessage().getMessage();
                if (written != null && !written.contains(constraint)) {
                    return new InvalidDataException(written, refusal);
                }
            }
        }
        return new InvalidDataException("The record breaks a rule of the practice's data"
                + (constraint == null ? "" : " (" + constraint + ")") + "; nothing was saved.", refusal);
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
