/** What several features' screens and services share: status badges and the answers "not found" and "invalid entry". */
@NullMarked
package org.unstuck.web.common;

import org.jspecify.annotations.NullMarked;
