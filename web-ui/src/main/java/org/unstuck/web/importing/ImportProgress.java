package org.unstuck.web.importing;

/** Told how far an import has come, for a progress bar; called from the importing thread. */
@FunctionalInterface
public interface ImportProgress {

    enum Phase {
        /** Reading and checking every row; done and total count bytes of the file. */
        CHECKING,
        /** Writing the rows; done and total count rows. */
        WRITING,
        /** Re-assessing the cases the file changed; done and total count cases. */
        REASSESSING
    }

    void reached(Phase phase, long done, long total);

    ImportProgress NONE = (phase, done, total) -> {
    };
}
