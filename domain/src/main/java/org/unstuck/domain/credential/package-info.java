/** Licences, registrations, qualifications, insurance and CPD; the practice's policy and each therapist's compliance. */
@NullMarked
package org.unstuck.domain.credential;

import org.jspecify.annotations.NullMarked;
