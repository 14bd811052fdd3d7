/** The people of the practice: users and roles for the admin, the team for supervisors, therapists for the manager. */
@NullMarked
package org.unstuck.web.practice;

import org.jspecify.annotations.NullMarked;
