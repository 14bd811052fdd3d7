/** Outcome and alliance measures, scores, reliable change and clinical cut-offs. */
@NullMarked
package org.unstuck.domain.measure;

import org.jspecify.annotations.NullMarked;
