/** Batched writes and look-ups of an import from a record system, by case reference and external session id. */
@NullMarked
package org.unstuck.persistence.importing;

import org.jspecify.annotations.NullMarked;
