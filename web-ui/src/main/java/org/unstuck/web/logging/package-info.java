/** Log lines that a request cannot forge: control characters in messages and exception texts are written escaped. */
@NullMarked
package org.unstuck.web.logging;

import org.jspecify.annotations.NullMarked;
