package org.submitlab.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a message has attachments, from its MIME structure alone: one pass over the bytes that reads the
 * header of every part and skips the part bodies line by line, looking only at lines that start with
 * {@code --} (a possible boundary). Nothing is decoded and nothing the size of a part is held; it stops at
 * the first attachment. Used on the submission path (the caller's thread, not the writer's) and for the
 * schema version 8 backfill (docs/decisions/0206-search-syntax-and-attachments.md).
 *
 * <p>A leaf part (not {@code multipart/*}), the top-level message included, is an attachment when
 * <ul>
 * <li>its {@code Content-Disposition} is {@code attachment}, or
 * <li>it has a file name: {@code filename} in {@code Content-Disposition} or {@code name} in
 * {@code Content-Type} (RFC 2231 forms {@code filename*}, {@code filename*0*} ... included), or
 * <li>it is a message of its own ({@code message/rfc822}, {@code message/global}: a forwarded message).
 * </ul>
 * That is what the console's detail view lists as an attachment when it has a name; a part without a name
 * that is not marked {@code attachment} (an embedded image without a file name, a second text body) is not.
 */
final class MimeAttachments {

    /** Header lines longer than this are cut: the parameters that matter come first in practice. */
    private static final int MAX_HEADER = 16 * 1024;
    private static final int BUFFER = 16 * 1024;

    private MimeAttachments() {
    }

    static boolean in(byte[] message) {
        try {
            return new Scan(new Lines(message)).run();
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory failed", e);
        }
    }

    /** Reads {@code message} to its end at most; does not close it. */
    static boolean in(InputStream message) throws IOException {
        return new Scan(new Lines(message)).run();
    }

    /** The one pass: part headers, then body lines until a boundary of an enclosing multipart. */
    private static final class Scan {
        private final Lines lines;
        /** The boundaries of the multiparts we are inside, outermost first. */
        private final List<byte[]> boundaries = new ArrayList<>();

        Scan(Lines lines) {
            this.lines = lines;
        }

        boolean run() throws IOException {
            if (part()) {
                return true;
            }
            while (!boundaries.isEmpty()) {
                int n = lines.next();
                if (n < 0) {
                    return false;
                }
                int level = delimiter(lines.line, n);
                if (level == 0) {
                    continue;
                }
                boolean close = level < 0;
                int depth = Math.abs(level); // 1-based index in boundaries
                while (boundaries.size() > depth) {
                    boundaries.remove(boundaries.size() - 1); // an inner multipart left unclosed
                }
                if (close) {
                    boundaries.remove(boundaries.size() - 1);
                } else if (part()) {
                    return true;
                }
            }
            return false;
        }

        /** Reads one part's header; true if the part is an attachment; pushes a multipart's boundary. */
        private boolean part() throws IOException {
            Header h = Header.read(lines);
            if (h.type.startsWith("multipart/")) {
                String boundary = h.param(h.typeParams, "boundary");
                if (boundary != null && !boundary.isEmpty()) {
                    boundaries.add(("--" + boundary).getBytes(StandardCharsets.ISO_8859_1));
                }
                return false;
            }
            return h.isAttachment();
        }

        /**
         * 0 if the line is no delimiter of an enclosing multipart; else the 1-based depth of the boundary it
         * names, negative for a close delimiter ({@code --boundary--}). The innermost boundary is tried first.
         */
        private int delimiter(byte[] line, int n) {
            if (n < 2 || line[0] != '-' || line[1] != '-') {
                return 0;
            }
            for (int i = boundaries.size() - 1; i >= 0; i--) {
                byte[] b = boundaries.get(i);
                if (n < b.length || !startsWith(line, b)) {
                    continue;
                }
                int p = b.length;
                boolean close = n >= p + 2 && line[p] == '-' && line[p + 1] == '-';
                if (close) {
                    p += 2;
                }
                while (p < n && (line[p] == ' ' || line[p] == '\t')) {
                    p++; // transport padding
                }
                if (p == n) {
                    return close ? -(i + 1) : i + 1;
                }
            }
            return 0;
        }

        private static boolean startsWith(byte[] line, byte[] prefix) {
            for (int i = 0; i < prefix.length; i++) {
                if (line[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The two fields of a part's header that matter, unfolded. */
    private static final class Header {
        String type = "text/plain";
        String typeParams = "";
        String disposition = "";
        String dispositionParams = "";

        static Header read(Lines lines) throws IOException {
            Header h = new Header();
            StringBuilder field = null;
            while (true) {
                int n = lines.next();
                if (n <= 0) { // the end of the header, or of the message
                    h.take(field);
                    return h;
                }
                byte first = lines.line[0];
                if (first == ' ' || first == '\t') {
                    if (field != null && field.length() < MAX_HEADER) {
                        field.append(' ').append(lines.text(n).trim()); // folded: part of the field above
                    }
                    continue;
                }
                h.take(field);
                field = interesting(lines.line, n) ? new StringBuilder(lines.text(n)) : null;
            }
        }

        /** Content-Type or Content-Disposition (any case): only those are kept and unfolded. */
        private static boolean interesting(byte[] line, int n) {
            return n > 8 && (line[0] == 'C' || line[0] == 'c') && (line[8] == 'T' || line[8] == 't'
                    || line[8] == 'D' || line[8] == 'd');
        }

        private void take(StringBuilder field) {
            if (field == null) {
                return;
            }
            int colon = field.indexOf(":");
            if (colon < 0) {
                return;
            }
            String name = field.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = field.substring(colon + 1).trim();
            int semi = value.indexOf(';');
            String main = (semi < 0 ? value : value.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
            String params = semi < 0 ? "" : value.substring(semi + 1);
            if (name.equals("content-type") && !main.isEmpty()) {
                type = main;
                typeParams = params;
            } else if (name.equals("content-disposition")) {
                disposition = main;
                dispositionParams = params;
            }
        }

        boolean isAttachment() {
            return disposition.equals("attachment") || type.equals("message/rfc822") || type.equals("message/global")
                    || hasParam(dispositionParams, "filename") || hasParam(typeParams, "name");
        }

        /** Whether {@code params} has {@code name}, {@code name*} or {@code name*N[*]} (RFC 2231). */
        private static boolean hasParam(String params, String name) {
            for (String[] p : params(params)) {
                String key = p[0];
                if (key.equals(name) || key.startsWith(name + "*")) {
                    return true;
                }
            }
            return false;
        }

        String param(String params, String name) {
            for (String[] p : params(params)) {
                if (p[0].equals(name)) {
                    return p[1];
                }
            }
            return null;
        }

        /** {@code key=value} pairs split at semicolons outside quotes; keys lower case, values unquoted. */
        private static List<String[]> params(String params) {
            List<String[]> out = new ArrayList<>();
            int i = 0;
            int n = params.length();
            while (i < n) {
                int start = i;
                boolean quoted = false;
                StringBuilder value = null;
                String key = null;
                while (i < n) {
                    char c = params.charAt(i);
                    if (quoted) {
                        if (c == '\\' && i + 1 < n) {
                            value.append(params.charAt(++i));
                        } else if (c == '"') {
                            quoted = false;
                        } else {
                            value.append(c);
                        }
                    } else if (c == ';') {
                        break;
                    } else if (key == null && c == '=') {
                        key = params.substring(start, i).trim().toLowerCase(Locale.ROOT);
                        value = new StringBuilder();
                    } else if (value != null) {
                        if (c == '"') {
                            quoted = true;
                        } else if (c != ' ' && c != '\t' || value.length() > 0) {
                            value.append(c);
                        }
                    }
                    i++;
                }
                if (key != null && !key.isEmpty()) {
                    out.add(new String[] {key, value.toString().trim()});
                }
                i++; // past the semicolon
            }
            return out;
        }
    }

    /**
     * Lines without their line end (CRLF or LF), each cut to {@link #MAX_HEADER} bytes, into one reused array
     * (the scan needs only the start of a body line: a boundary has at most 70 characters).
     */
    private static final class Lines {
        final byte[] line = new byte[MAX_HEADER];
        private final InputStream in;
        private byte[] buf;
        private int pos;
        private int end;

        Lines(byte[] whole) {
            this.in = null;
            this.buf = whole;
            this.end = whole.length;
        }

        Lines(InputStream in) {
            this.in = in;
            this.buf = new byte[BUFFER];
        }

        /** The next line's length (its first bytes in {@link #line}), or -1 at the end of the message. */
        int next() throws IOException {
            int n = 0;
            boolean any = false;
            while (true) {
                if (pos == end && !fill()) {
                    return any ? trimCr(n) : -1;
                }
                any = true;
                int stop = pos;
                while (stop < end && buf[stop] != '\n') {
                    stop++;
                }
                int copy = Math.min(stop - pos, line.length - n);
                System.arraycopy(buf, pos, line, n, copy);
                n += copy;
                if (stop < end) {
                    pos = stop + 1;
                    return trimCr(n);
                }
                pos = end;
            }
        }

        String text(int n) {
            return new String(line, 0, Math.min(n, MAX_HEADER), StandardCharsets.ISO_8859_1);
        }

        private int trimCr(int n) {
            return n > 0 && line[n - 1] == '\r' ? n - 1 : n;
        }

        private boolean fill() throws IOException {
            if (in == null) {
                return false;
            }
            int read = in.read(buf, 0, buf.length);
            if (read <= 0) {
                return false;
            }
            pos = 0;
            end = read;
            return true;
        }
    }
}
