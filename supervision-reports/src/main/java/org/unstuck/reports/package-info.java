/** Reports for review meetings, managers and funders: PDF, CSV and charts, built from domain types and read models. */
@NullMarked
package org.unstuck.reports;

import org.jspecify.annotations.NullMarked;
