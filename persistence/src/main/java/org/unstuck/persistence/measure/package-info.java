/** Storage of the measure catalogue. */
@NullMarked
package org.unstuck.persistence.measure;

import org.jspecify.annotations.NullMarked;
