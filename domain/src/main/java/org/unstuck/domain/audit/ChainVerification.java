package org.unstuck.domain.audit;

import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The result of re-computing the audit trail's hash chain and comparing it with the heads exported
 * outside the database: how many entries were checked, the newest entry, and the first break.
 *
 * @param head the newest entry's sequence and hash; sequence 0 and no hash for an empty trail
 * @param anchorsChecked how many exported heads were compared with the trail
 */
public record ChainVerification(long entriesChecked, ChainHead head, int anchorsChecked, Optional<Break> firstBreak) {

    /** Where the chain stops being trustworthy, and why. */
    public record Break(long entry, Problem problem) {
    }

    public enum Problem {
        /** The entry's content no longer gives its stored hash: it was edited, or its hash was recomputed without the key. */
        HASH_MISMATCH,
        /** The entry does not carry the hash of the one before it. */
        LINK_BROKEN,
        /** Entries are missing between the one before and this one. */
        SEQUENCE_GAP,
        /** An entry without the key's hash follows keyed ones: it was written behind the application's back. */
        UNKEYED_AFTER_KEYED,
        /** An exported head names an entry whose hash is now different. */
        EXPORTED_HEAD_DIFFERS,
        /** An exported head names an entry that is no longer there: the newest entries were deleted. */
        EXPORTED_HEAD_MISSING
    }

    /** An entry of the chain by its sequence number and hash, as exported each night. */
    public record ChainHead(long sequence, @Nullable String hash) {

        public static final ChainHead EMPTY = new ChainHead(0, null);
    }

    public boolean intact() {
        return firstBreak.isEmpty();
    }

    public OptionalLong firstBrokenEntry() {
        return firstBreak.map(found -> OptionalLong.of(found.entry())).orElse(OptionalLong.empty());
    }
}
