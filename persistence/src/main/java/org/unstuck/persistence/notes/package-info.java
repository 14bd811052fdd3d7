/** Storage of reflective notes and every version of each. */
@NullMarked
package org.unstuck.persistence.notes;

import org.jspecify.annotations.NullMarked;
