package org.unstuck.persistence.caseload;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TherapyCaseJpaRepository extends JpaRepository<TherapyCaseEntity, Long> {

    List<TherapyCaseEntity> findByTherapistIdOrderByOpenedOnAsc(long therapistId);

    List<TherapyCaseEntity> findByTherapistIdAndClosedOnIsNullOrderByOpenedOnAsc(long therapistId);
}
