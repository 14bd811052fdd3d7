/**
 * The progress review: explainable rules that find cases which are not moving, each signal with
 * its reason, severity and a sentence with the numbers; reliable change, expected trajectories
 * and NHS Talking Therapies course outcomes.
 */
@NullMarked
package org.unstuck.domain.progress;

import org.jspecify.annotations.NullMarked;
