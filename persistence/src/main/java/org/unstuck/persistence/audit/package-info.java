/** Storage of the hash-chained audit trail. */
@NullMarked
package org.unstuck.persistence.audit;

import org.jspecify.annotations.NullMarked;
