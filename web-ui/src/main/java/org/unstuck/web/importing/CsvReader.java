package org.unstuck.web.importing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads RFC 4180 records (comma, double quotes, CRLF or LF) from strict UTF-8, one at a time, so a
 * file of any size is read in constant memory. A byte sequence that is not UTF-8 fails the read
 * with {@link java.nio.charset.CharacterCodingException} instead of becoming a replacement character.
 */
final class CsvReader implements Closeable {

    /** One record and the line of the file it starts on (a quoted value may span lines). */
    record Record(int line, List<String> values) {
    }

    /** A record that cannot be read as CSV, such as a quote that is never closed. */
    static final class MalformedCsvException extends IOException {
        private final int line;

        MalformedCsvException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private static final int BYTE_ORDER_MARK = '\uFEFF';
    /** Far beyond any value of the format; a quote never closed would otherwise read the rest of the file into one. */
    static final int MAX_VALUE_LENGTH = 10_000;
    static final int MAX_VALUES = 200;

    private final InputStream input;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private final CharBuffer chars = CharBuffer.allocate(1 << 16).flip();
    private boolean endOfInput;
    private boolean flushed;
    private int column;
    private @Nullable CoderResult malformed;
    private int line = 1;
    private int pending = -2;
    private boolean first = true;

    CsvReader(InputStream input) {
        this.input = input;
    }

    /** The line the reader has reached, for an error met while reading. */
    int line() {
        return line;
    }

    /** The next record, or null at the end of the file. */
    @Nullable Record next() throws IOException {
        var c = read();
        if (first) {
            first = false;
            if (c == BYTE_ORDER_MARK) {
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        var start = line;
        var values = new ArrayList<String>();
        var value = new StringBuilder();
        while (true) {
            if (c == '"' && value.isEmpty()) {
                c = quoted(value, start);
            }
            if (c == ',') {
                if (values.size() == MAX_VALUES) {
                    throw new MalformedCsvException(start, "more than " + MAX_VALUES + " values on one line");
                }
                values.add(value.toString());
                value.setLength(0);
                c = read();
            } else if (c == '\n' || c == -1) {
                values.add(value.toString());
                line++;
                return new Record(start, values);
            } else if (c == '\r') {
                var after = read();
                if (after != '\n') {
                    unread(after);
                }
                values.add(value.toString());
                line++;
                return new Record(start, values);
            } else if (c == '"') {
                throw new MalformedCsvException(line, "a double quote inside a value that does not start with one; "
                        + "quote the whole value and double the quotes inside it, like \"say \"\"no\"\"\"");
            } else {
                append(value, c, start);
                c = read();
            }
        }
    }

    private void append(StringBuilder value, int c, int start) throws MalformedCsvException {
        if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' || c == BYTE_ORDER_MARK || c == '\u2028' || c == '\u2029') {
            throw new MalformedCsvException(line, "a control character U+%04X at character %d of the line; values are "
                    .formatted(c, column) + "printable text (tabs allowed): remove it and import the file again");
        }
        if (value.length() == MAX_VALUE_LENGTH) {
            throw new MalformedCsvException(start, "a value longer than " + MAX_VALUE_LENGTH
                    + " characters; if a value opens with a double quote, check that it is closed");
        }
        value.append((char) c);
    }

    /** Reads a quoted value up to its closing quote; returns the character after it. */
    private int quoted(StringBuilder value, int start) throws IOException {
        while (true) {
            var c = read();
            if (c == -1) {
                throw new MalformedCsvException(start, "a quoted value opens on this line and is never closed");
            }
            if (c == '"') {
                var after = read();
                if (after != '"') {
                    if (after != ',' && after != '\n' && after != '\r' && after != -1) {
                        throw new MalformedCsvException(line, "text after the closing quote of a value; "
                                + "a quoted value ends at a comma or at the end of the line");
                    }
                    return after;
                }
                value.append('"');
            } else {
                if (c == '\n') {
                    line++;
                }
                append(value, c, start);
            }
        }
    }

    private int read() throws IOException {
        if (pending != -2) {
            var c = pending;
            pending = -2;
            return c;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        var c = chars.get();
        column = c == '\n' ? 0 : column + 1;
        return c;
    }

    /**
     * Decodes the next characters. The characters before a bad byte sequence are handed out first,
     * so the error is met on the line it is on.
     */
    private boolean fill() throws IOException {
        chars.clear();
        if (flushed) {
            // A last line with no line break asks again after the end; the decoder, flushed once, takes no more.
            chars.flip();
            return false;
        }
        while (chars.position() == 0) {
            if (malformed != null) {
                throw new MalformedInputException(malformed.length());
            }
            var result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                malformed = result;
            } else if (result.isOverflow()) {
                break;
            } else if (endOfInput) {
                decoder.flush(chars);
                flushed = true;
                break;
            } else {
                bytes.compact();
                var read = input.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    endOfInput = true;
                } else {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
            }
        }
        chars.flip();
        return chars.hasRemaining();
    }

    private void unread(int c) {
        pending = c;
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
