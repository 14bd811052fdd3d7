/**
 * Import of sessions, cases and clients from a record system's CSV export: one service for the
 * upload screen and the command line, every row checked before anything is written.
 */
@NullMarked
package org.unstuck.web.importing;

import org.jspecify.annotations.NullMarked;
