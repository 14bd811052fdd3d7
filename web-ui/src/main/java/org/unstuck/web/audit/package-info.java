/** Writing the audit trail from application services: who did what to which case, allowed or refused. */
@NullMarked
package org.unstuck.web.audit;

import org.jspecify.annotations.NullMarked;
