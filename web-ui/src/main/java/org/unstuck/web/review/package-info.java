/** The supervisor's review board, supervision decisions, referrals between colleagues. */
@NullMarked
package org.unstuck.web.review;

import org.jspecify.annotations.NullMarked;
