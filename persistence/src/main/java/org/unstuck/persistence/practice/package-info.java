/** Storage of user accounts, roles and supervision pairs. */
@NullMarked
package org.unstuck.persistence.practice;

import org.jspecify.annotations.NullMarked;
