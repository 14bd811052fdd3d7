/** The people of a practice, their accounts and roles, and who supervises whom. */
@NullMarked
package org.unstuck.domain.practice;

import org.jspecify.annotations.NullMarked;
