/** Storage of credentials and CPD. */
@NullMarked
package org.unstuck.persistence.credential;

import org.jspecify.annotations.NullMarked;
