/** Clients, cases and sessions: what a therapist's caseload is made of. */
@NullMarked
package org.unstuck.domain.caseload;

import org.jspecify.annotations.NullMarked;
