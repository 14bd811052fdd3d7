/** The decision log: every supervision decision, and whether its case improved by the follow-up. */
@NullMarked
package org.unstuck.reports.decision;

import org.jspecify.annotations.NullMarked;
