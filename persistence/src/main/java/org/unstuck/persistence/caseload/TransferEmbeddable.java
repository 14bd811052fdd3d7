package org.unstuck.persistence.caseload;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

@Embeddable
class TransferEmbeddable {

    @Column(name = "from_therapist", nullable = false)
    long fromTherapist;

    @Column(name = "to_therapist", nullable = false)
    long toTherapist;

    @Column(name = "transferred_on", nullable = false)
    LocalDate transferredOn = LocalDate.MIN;

    @Column(nullable = false, length = 300)
    String reason = "";
}
