/** CSV exports that open cleanly in a spreadsheet. */
@NullMarked
package org.unstuck.reports.csv;

import org.jspecify.annotations.NullMarked;
