package org.unstuck.persistence.caseload;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClientJpaRepository extends JpaRepository<ClientEntity, Long> {

    Optional<ClientEntity> findByCode(String code);
}
