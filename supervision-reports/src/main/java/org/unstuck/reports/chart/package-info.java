/** Charts drawn from numbers as SVG, the same in the application and in printed reports. */
@NullMarked
package org.unstuck.reports.chart;

import org.jspecify.annotations.NullMarked;
