/** Review meetings, supervision decisions with follow-ups, referrals, and what gets stalled cases moving. */
@NullMarked
package org.unstuck.domain.review;

import org.jspecify.annotations.NullMarked;
