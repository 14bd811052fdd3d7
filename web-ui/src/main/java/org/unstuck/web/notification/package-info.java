/** What tells people that something needs them: the bell and its list of notifications. */
@NullMarked
package org.unstuck.web.notification;

import org.jspecify.annotations.NullMarked;
