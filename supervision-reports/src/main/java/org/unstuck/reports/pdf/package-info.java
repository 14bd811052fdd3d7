/** Printed reports as PDF: tables of text, page numbers, a confidentiality footer. */
@NullMarked
package org.unstuck.reports.pdf;

import org.jspecify.annotations.NullMarked;
