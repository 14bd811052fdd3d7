/** Reports that span the practice, for supervisors and the practice manager. */
@NullMarked
package org.unstuck.web.reports;

import org.jspecify.annotations.NullMarked;
