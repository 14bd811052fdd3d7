/** The credential compliance report for practice managers, boards and funders. */
@NullMarked
package org.unstuck.reports.credential;

import org.jspecify.annotations.NullMarked;
