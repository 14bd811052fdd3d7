/** The caseload-health report: activity, flag rate and NHS Talking Therapies outcome figures. */
@NullMarked
package org.unstuck.reports.health;

import org.jspecify.annotations.NullMarked;
