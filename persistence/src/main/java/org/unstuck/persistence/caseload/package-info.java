/** Storage of clients, cases with their transfers, sessions and scores. */
@NullMarked
package org.unstuck.persistence.caseload;

import org.jspecify.annotations.NullMarked;
