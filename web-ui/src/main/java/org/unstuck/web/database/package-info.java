/** The embedded PostgreSQL that serves a one-command start when no external database is configured. */
@NullMarked
package org.unstuck.web.database;

import org.jspecify.annotations.NullMarked;
