/** The in-app notifications each person is sent. */
@NullMarked
package org.unstuck.persistence.notification;

import org.jspecify.annotations.NullMarked;
