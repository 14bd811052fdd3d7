package org.unstuck.reports.pdf;

import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

/** Text made safe for the standard PDF fonts, which cannot encode every character a user may type. */
public final class PdfText {

    /** Signs the sentences of the product use that the standard fonts lack, spelled out. */
    private static final Map<Character, String> SPELLED = Map.of('\u2264', "<=", '\u2265', ">=", '\u2192', "->");

    private PdfText() {
    }

    /** The text with line breaks as spaces, ≤, ≥ and → spelled out, and any other character the font lacks as '?'. */
    public static String printable(PDType1Font font, String text) {
        var out = new StringBuilder(text.length());
        for (var c : text.toCharArray()) {
            if (Character.isISOControl(c)) {
                out.append(' ');
                continue;
            }
            try {
                font.encode(String.valueOf(c));
                out.append(c);
            } catch (IllegalArgumentException | IOException notInFont) {
                out.append(SPELLED.getOrDefault(c, "?"));
            }
        }
        return out.toString();
    }
}
