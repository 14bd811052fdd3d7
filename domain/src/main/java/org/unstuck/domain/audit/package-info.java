/** The audit trail: who read or wrote which clinical data, or was refused, and when. */
@NullMarked
package org.unstuck.domain.audit;

import org.jspecify.annotations.NullMarked;
