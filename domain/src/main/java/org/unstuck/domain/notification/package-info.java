/** What people are told of, so that something needing them reaches them. */
@NullMarked
package org.unstuck.domain.notification;

import org.jspecify.annotations.NullMarked;
