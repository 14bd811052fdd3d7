/** Stored progress assessments, and keeping them up to date when a case's data changes. */
@NullMarked
package org.unstuck.persistence.progress;

import org.jspecify.annotations.NullMarked;
