/** The record of durable jobs' runs, with the checkpoint an interrupted run continues from. */
@NullMarked
package org.unstuck.persistence.jobs;

import org.jspecify.annotations.NullMarked;
