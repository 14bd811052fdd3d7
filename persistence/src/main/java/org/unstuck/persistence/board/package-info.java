/**
 * Read models for screens and reports: SQL projections into records, never entities. The review
 * board and caseloads read the stored progress snapshots; the practice manager's overview selects
 * no clinical column.
 */
@NullMarked
package org.unstuck.persistence.board;

import org.jspecify.annotations.NullMarked;
