package org.unstuck.web.importing;

import org.jspecify.annotations.Nullable;

/**
 * What is wrong with one place of a file: its line (0 for the file as a whole), the column if one
 * is to blame, and a sentence saying what was found and what is allowed.
 */
public record ImportError(int line, @Nullable String column, String message) {

    /** "Line 7, column primary_score: PHQ-9 scores are 0–27 in whole points; got 31". */
    @Override
    public String toString() {
        return line == 0 ? message : "Line " + line + (column == null ? "" : ", column " + column) + ": " + message;
    }
}
