package org.unstuck.domain.credential;

import java.util.List;
import org.unstuck.domain.practice.UserId;

/** Therapists' credentials and CPD; a renewal is a new credential, so history is kept. */
public interface Credentials {

    List<Credential> of(UserId therapist);

    Credential save(Credential credential);

    List<CpdEntry> cpdOf(UserId therapist);

    void addCpd(CpdEntry entry);
}
