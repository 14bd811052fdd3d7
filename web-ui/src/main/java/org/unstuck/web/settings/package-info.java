/** Practice settings for the admin: stall-rule thresholds and the measure catalogue's defaults. */
@NullMarked
package org.unstuck.web.settings;

import org.jspecify.annotations.NullMarked;
