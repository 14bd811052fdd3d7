/** Who may read or act on a case, a note or a credential: the product's access matrix as rules services call. */
@NullMarked
package org.unstuck.domain.access;

import org.jspecify.annotations.NullMarked;
