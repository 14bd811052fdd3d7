package org.unstuck.domain.audit;

import java.util.OptionalLong;

/**
 * The result of re-computing the audit trail's hash chain: how many entries were checked, and the
 * sequence number of the first entry whose hash or link does not match, if any.
 */
public record ChainVerification(long entriesChecked, OptionalLong firstBrokenEntry) {

    public boolean intact() {
        return firstBrokenEntry.isEmpty();
    }
}
