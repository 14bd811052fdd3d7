package org.unstuck.persistence.caseload;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.caseload.ClientCode;
import org.unstuck.domain.caseload.ClosingReason;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.caseload.Transfer;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.measure.MeasureCode;
import org.unstuck.domain.practice.UserId;
import org.unstuck.persistence.ConstraintMessages;
import org.unstuck.persistence.measure.JdbcMeasures;

@Repository
@Transactional(readOnly = true)
class JpaCases implements Cases {

    private final TherapyCaseJpaRepository cases;
    private final ClientJpaRepository clients;
    private final JdbcMeasures measures;

    JpaCases(TherapyCaseJpaRepository cases, ClientJpaRepository clients, JdbcMeasures measures) {
        this.cases = cases;
        this.clients = clients;
        this.measures = measures;
    }

    @Override
    public Optional<TherapyCase> find(CaseId id) {
        var catalogue = catalogue();
        return cases.findById(id.value()).map(entity -> toDomain(entity, catalogue));
    }

    @Override
    public List<TherapyCase> assignedTo(UserId therapist, boolean includeClosed) {
        var catalogue = catalogue();
        var found = includeClosed
                ? cases.findByTherapistIdOrderByOpenedOnAsc(therapist.value())
                : cases.findByTherapistIdAndClosedOnIsNullOrderByOpenedOnAsc(therapist.value());
        return found.stream().map(entity -> toDomain(entity, catalogue)).toList();
    }

    @Override
    public List<TherapyCase> openOfClientWith(ClientCode client, UserId therapist) {
        var catalogue = catalogue();
        return cases.findByClientCodeAndTherapistIdAndClosedOnIsNullOrderByOpenedOnAsc(client.value(), therapist.value())
                .stream().map(entity -> toDomain(entity, catalogue)).toList();
    }

    @Override
    public Optional<TherapyCase> latestOfClient(ClientCode client) {
        return cases.findFirstByClientCodeOrderByOpenedOnDescIdDesc(client.value()).map(entity -> toDomain(entity, catalogue()));
    }

    @Override
    @Transactional
    public TherapyCase save(TherapyCase aCase) {
        try {
            var entity = aCase.id() == null ? new TherapyCaseEntity() : existing(aCase);
            entity.client = client(aCase.client());
            entity.presentingProblem = aCase.presentingProblem();
            entity.approach = aCase.approach().name();
            entity.primaryMeasure = aCase.primaryMeasure().code().value();
            entity.allianceMeasure = aCase.allianceMeasure() == null ? null : aCase.allianceMeasure().code().value();
            entity.openedOn = aCase.opened();
            entity.closedOn = aCase.closed();
            entity.closingReason = aCase.closingReason() == null ? null : aCase.closingReason().name();
            entity.therapistId = aCase.therapist().value();
            entity.transfers.clear();
            aCase.transfers().forEach(transfer -> entity.transfers.add(embeddable(transfer)));
            return toDomain(cases.saveAndFlush(entity), catalogue());
        } catch (ObjectOptimisticLockingFailureException lostRace) {
            throw new ConcurrentChangeException("this case");
        } catch (DataIntegrityViolationException refused) {
            throw ConstraintMessages.translate(refused);
        }
    }

    private TherapyCaseEntity existing(TherapyCase aCase) {
        var id = Objects.requireNonNull(aCase.id()).value();
        var entity = cases.findById(id).orElseThrow(() -> new IllegalStateException("No case with id " + id));
        if (entity.version != aCase.version()) {
            throw new ConcurrentChangeException("this case");
        }
        return entity;
    }

    private ClientEntity client(ClientCode code) {
        return clients.findByCode(code.value()).orElseGet(() -> {
            var client = new ClientEntity();
            client.code = code.value();
            return clients.save(client);
        });
    }

    private MeasureCatalogue catalogue() {
        return MeasureCatalogue.withPracticeMeasures(measures.practiceDefined());
    }

    private static TransferEmbeddable embeddable(Transfer transfer) {
        var embeddable = new TransferEmbeddable();
        embeddable.fromTherapist = transfer.from().value();
        embeddable.toTherapist = transfer.to().value();
        embeddable.transferredOn = transfer.on();
        embeddable.reason = transfer.reason();
        return embeddable;
    }

    private static TherapyCase toDomain(TherapyCaseEntity entity, MeasureCatalogue catalogue) {
        var primary = catalogue.find(new MeasureCode(entity.primaryMeasure)).orElseThrow();
        var alliance = entity.allianceMeasure == null ? null
                : catalogue.find(new MeasureCode(entity.allianceMeasure)).orElseThrow();
        return new TherapyCase(
                new CaseId(Objects.requireNonNull(entity.id)),
                entity.version,
                new ClientCode(Objects.requireNonNull(entity.client).code),
                entity.presentingProblem,
                new Approach(entity.approach),
                primary,
                alliance,
                entity.openedOn,
                entity.closedOn,
                entity.closingReason == null ? null : ClosingReason.valueOf(entity.closingReason),
                new UserId(entity.therapistId),
                entity.transfers.stream()
                        .map(transfer -> new Transfer(new UserId(transfer.fromTherapist), new UserId(transfer.toTherapist),
                                transfer.transferredOn, transfer.reason))
                        .toList());
    }
}
