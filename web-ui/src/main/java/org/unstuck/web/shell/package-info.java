/** The frame around every screen: main layout, navigation by role, the start page. */
@NullMarked
package org.unstuck.web.shell;

import org.jspecify.annotations.NullMarked;
