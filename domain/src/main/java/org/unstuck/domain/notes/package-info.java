/** Reflective notes: a therapist's structured thoughts on a case, one prompt per stall reason, with full history. */
@NullMarked
package org.unstuck.domain.notes;

import org.jspecify.annotations.NullMarked;
