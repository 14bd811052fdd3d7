/** The therapist's caseload, the case page, recording sessions, opening cases and reflective notes. */
@NullMarked
package org.unstuck.web.caseload;

import org.jspecify.annotations.NullMarked;
