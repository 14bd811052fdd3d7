package org.unstuck.persistence.practice;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.Versioned;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.practice.Username;

@Repository
@Transactional(readOnly = true)
class JpaUserAccounts implements UserAccounts {

    private final UserAccountJpaRepository repository;

    JpaUserAccounts(UserAccountJpaRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<UserAccount> findByUsername(Username username) {
        return repository.findByUsername(username.value()).map(JpaUserAccounts::toDomain);
    }

    @Override
    public Optional<UserAccount> find(UserId id) {
        return repository.findById(id.value()).map(JpaUserAccounts::toDomain);
    }

    @Override
    public Optional<Versioned<UserAccount>> findVersioned(UserId id) {
        return repository.findById(id.value()).map(entity -> new Versioned<>(toDomain(entity), entity.version));
    }

    @Override
    public Map<UserId, String> displayNames() {
        return all().stream().collect(Collectors.toUnmodifiableMap(UserAccount::id, UserAccount::displayName));
    }

    @Override
    public List<UserAccount> all() {
        return repository.findAllByOrderByDisplayNameAsc().stream().map(JpaUserAccounts::toDomain).toList();
    }

    @Override
    @Transactional
    public UserAccount save(UserAccount account) {
        var entity = account.id() == null ? new UserAccountEntity() : existing(account.id());
        return toDomain(store(entity, account));
    }

    @Override
    @Transactional
    public Versioned<UserAccount> save(UserAccount account, long editedFromVersion) {
        var entity = existing(Objects.requireNonNull(account.id(), "Only a stored account is edited"));
        if (entity.version != editedFromVersion) {
            throw new ConcurrentChangeException("this account");
        }
        try {
            var stored = store(entity, account);
            return new Versioned<>(toDomain(stored), stored.version);
        } catch (ObjectOptimisticLockingFailureException lostRace) {
            throw new ConcurrentChangeException("this account");
        }
    }

    private UserAccountEntity existing(UserId id) {
        return repository.findById(id.value())
                .orElseThrow(() -> new IllegalStateException("No user account with id " + id.value()));
    }

    private UserAccountEntity store(UserAccountEntity entity, UserAccount account) {
        entity.username = account.username().value();
        entity.displayName = account.displayName();
        entity.passwordHash = account.passwordHash();
        entity.enabled = account.enabled();
        entity.passwordChangeRequired = account.passwordChangeRequired();
        entity.roles = EnumSet.copyOf(account.roles());
        return repository.saveAndFlush(entity);
    }

    @Override
    public long count() {
        return repository.count();
    }

    static UserAccount toDomain(UserAccountEntity entity) {
        return new UserAccount(
                new UserId(Objects.requireNonNull(entity.id)),
                new Username(entity.username),
                entity.displayName,
                entity.passwordHash,
                entity.roles,
                entity.enabled,
                entity.passwordChangeRequired);
    }
}
