/** Each role's home: what needs the signed-in person now, each item linking to where it is dealt with. */
@NullMarked
package org.unstuck.web.home;

import org.jspecify.annotations.NullMarked;
