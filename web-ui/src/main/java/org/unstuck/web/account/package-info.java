/** What every signed-in person does with their own account: changing their password. */
@NullMarked
package org.unstuck.web.account;

import org.jspecify.annotations.NullMarked;
