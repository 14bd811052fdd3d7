/** The Unstuck model and its rules, in plain Java: no framework, no database. */
@NullMarked
package org.unstuck.domain;

import org.jspecify.annotations.NullMarked;
