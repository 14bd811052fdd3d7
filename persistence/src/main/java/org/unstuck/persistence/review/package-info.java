/** Storage of the decision log, review meetings and referrals. */
@NullMarked
package org.unstuck.persistence.review;

import org.jspecify.annotations.NullMarked;
