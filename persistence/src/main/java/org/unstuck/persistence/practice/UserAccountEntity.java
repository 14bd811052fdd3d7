package org.unstuck.persistence.practice;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.practice.Role;

@Entity
@Table(name = "user_account")
class UserAccountEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Nullable Long id;

    @Column(nullable = false, unique = true, length = 64)
    String username = "";

    @Column(name = "display_name", nullable = false, length = 120)
    String displayName = "";

    @Column(name = "password_hash", nullable = false)
    String passwordHash = "";

    @Column(nullable = false)
    boolean enabled = true;

    @Column(name = "password_change_required", nullable = false)
    boolean passwordChangeRequired;

    @Version
    long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 32)
    @Enumerated(EnumType.STRING)
    Set<Role> roles = EnumSet.noneOf(Role.class);
}
