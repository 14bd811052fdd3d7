/** The demo practice seeded into an empty database so a newcomer sees every screen with data. */
@NullMarked
package org.unstuck.web.demo;

import org.jspecify.annotations.NullMarked;
