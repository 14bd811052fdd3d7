/** Durable jobs on PostgreSQL (db-scheduler): the nightly re-assessment, and the admin's view of their runs. */
@NullMarked
package org.unstuck.web.jobs;

import org.jspecify.annotations.NullMarked;
