package org.unstuck.persistence.caseload;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "therapy_case")
class TherapyCaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Nullable Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "client_id")
    @Nullable ClientEntity client;

    @Column(name = "presenting_problem", nullable = false, length = 200)
    String presentingProblem = "";

    @Column(nullable = false, length = 80)
    String approach = "";

    @Column(name = "primary_measure", nullable = false, length = 20)
    String primaryMeasure = "";

    @Column(name = "alliance_measure", length = 20)
    @Nullable String allianceMeasure;

    @Column(name = "opened_on", nullable = false)
    LocalDate openedOn = LocalDate.MIN;

    @Column(name = "closed_on")
    @Nullable LocalDate closedOn;

    @Column(name = "closing_reason", length = 30)
    @Nullable String closingReason;

    @Column(name = "therapist_id", nullable = false)
    long therapistId;

    @Version
    long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_transfer", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "position")
    List<TransferEmbeddable> transfers = new ArrayList<>();
}
