/** Credentials: the practice manager's board, each therapist's credential page, CPD, verification, policy. */
@NullMarked
package org.unstuck.web.credential;

import org.jspecify.annotations.NullMarked;
