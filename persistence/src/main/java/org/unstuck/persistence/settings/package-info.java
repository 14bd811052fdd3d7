/** Storage of the practice's review settings and credential policy, with optimistic locking. */
@NullMarked
package org.unstuck.persistence.settings;

import org.jspecify.annotations.NullMarked;
