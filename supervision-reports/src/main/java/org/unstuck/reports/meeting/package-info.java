/** The review-meeting pack: the paper a supervisor brings to a meeting. */
@NullMarked
package org.unstuck.reports.meeting;

import org.jspecify.annotations.NullMarked;
