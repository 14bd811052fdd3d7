package org.unstuck.web.logging;

/** Writes control characters and line separators as {@code \u000a}, so a logged text stays on its line. */
final class ControlCharacters {

    private ControlCharacters() {
    }

    static String escaped(String text) {
        StringBuilder out = null;
        for (int index = 0; index < text.length(); index++) {
            var character = text.charAt(index);
            if (Character.isISOControl(character) || character == '\u2028' || character == '\u2029') {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, index);
                }
                out.append(String.format("\\u%04x", (int) character));
            } else if (out != null) {
                out.append(character);
            }
        }
        return out == null ? text : out.toString();
    }
}
