package org.unstuck.persistence.caseload;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TherapyCaseJpaRepository extends JpaRepository<TherapyCaseEntity, Long> {

    List<TherapyCaseEntity> findByTherapistIdOrderByOpenedOnAsc(long therapistId);

    List<TherapyCaseEntity> findByTherapistIdAndClosedOnIsNullOrderByOpenedOnAsc(long therapistId);

    List<TherapyCaseEntity> findByClientCodeAndTherapistIdAndClosedOnIsNullOrderByOpenedOnAsc(String clientCode,
            long therapistId);

    Optional<TherapyCaseEntity> findFirstByClientCodeOrderByOpenedOnDescIdDesc(String clientCode);
}
