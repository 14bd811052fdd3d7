/** Signing in and out, where users and their roles come from, and the rules every route and service follows. */
@NullMarked
package org.unstuck.web.security;

import org.jspecify.annotations.NullMarked;
