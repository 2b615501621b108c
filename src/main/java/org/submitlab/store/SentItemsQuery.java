package org.submitlab.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The Sent Items search syntax, as the console's search box and {@code sent-items --search} take it. Parts are
 * separated by spaces and must all match (AND):
 * <ul>
 * <li>{@code word}: a substring, in any case, of the subject, envelope sender, From header or envelope
 * recipients;
 * <li>{@code "two words"}: the same for the phrase, spaces included; a phrase without its closing quote runs
 * to the end of the text (so results narrow while it is typed);
 * <li>{@code from:x}: in the envelope sender or the From header; {@code to:x}: in the envelope recipients;
 * {@code subject:x}: in the subject; each also with a phrase ({@code subject:"two words"}); keys in any case;
 * <li>{@code has:attachment} (or {@code has:attachments}): messages with an attachment (a part marked
 * {@code attachment}, a part with a file name, or an attached message: {@link MimeAttachments}).
 * </ul>
 * Everything else is plain text: an unknown key ({@code foo:bar}, {@code http://x}), a key with nothing after
 * it ({@code from:}), {@code has:} with another value, quotes inside a word ({@code say"hi"}), and quotes
 * with nothing between them: a lone {@code "} or {@code ""} is looked for as that character. Quotes cannot be
 * put inside a phrase. FTS5 operators ({@code AND}, {@code OR}, {@code NOT}, {@code *}, {@code ^}) have no
 * meaning: they are text like any other. At most {@link #MAX_TERMS} distinct terms count; more are ignored.
 * Control characters (NUL included, which would end an FTS5 query early) count as spaces, in phrases too.
 *
 * <p>Matching is substring matching in every case: a term of three characters or more through the trigram
 * index, a term of one or two through {@code LIKE} among the newest items only ({@link SentItemsSearch}). A
 * term with {@code "}, {@code ,}, {@code [} or {@code ]} is not looked for in the envelope recipients: no
 * address has them, and the store keeps the recipients as a JSON list, whose punctuation they would match.
 */
public final class SentItemsQuery {

    /** Terms beyond this many are ignored (each costs an index lookup or a LIKE per searched column). */
    public static final int MAX_TERMS = 32;

    /** Where a term is looked for. */
    public enum Field {
        /** Subject, envelope sender, From header, envelope recipients. */
        ANY("subject", "envelope_from", "from_header", "envelope_to"),
        FROM("envelope_from", "from_header"),
        TO("envelope_to"),
        SUBJECT("subject");

        private final List<String> columns;

        Field(String... columns) {
            this.columns = List.of(columns);
        }
    }

    /** One part: {@code text} (never empty) as a substring of {@code field}. */
    public record Term(Field field, String text) {
        public Term {
            Objects.requireNonNull(field, "field");
            if (text == null || text.isEmpty()) {
                throw new IllegalArgumentException("a term needs text");
            }
        }

        /** Whether the trigram index can look it up (three characters or more). */
        boolean indexed() {
            return text.codePointCount(0, text.length()) >= 3;
        }

        /**
         * Whether the index is asked for some of its trigrams one by one and the row is then checked with
         * {@code LIKE} (ASCII text of four characters or more), rather than for the phrase of all its trigrams:
         * a phrase costs a position check per trigram at every candidate row (docs/decisions/0206).
         * {@code LIKE} folds ASCII case only, so text with other characters stays a phrase.
         */
        boolean covered() {
            if (!indexed() || text.length() < 4) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) >= 0x80) {
                    return false;
                }
            }
            return true;
        }

        /** Its distinct trigrams, in order. */
        List<String> trigrams() {
            LinkedHashSet<String> out = new LinkedHashSet<>();
            for (int i = 0; i + 3 <= text.length(); i++) {
                out.add(text.substring(i, i + 3));
            }
            return new ArrayList<>(out);
        }

        /** {@code {columns} : "text"}: the text as one FTS5 phrase in the term's columns. */
        String query(String text) {
            return "{" + String.join(" ", columns()) + "} : " + phrase(text);
        }

        /** The trigrams at 0, 3, 6, ... and the last: every character of the text is in one of them. */
        List<String> cover() {
            List<String> out = new ArrayList<>();
            int last = text.length() - 3;
            for (int i = 0; i < last; i += 3) {
                out.add(text.substring(i, i + 3));
            }
            out.add(text.substring(last));
            return out;
        }

        /** The columns it is looked for in (none: it matches nothing). */
        List<String> columns() {
            if (!field.columns.contains("envelope_to") || !hasListPunctuation(text)) {
                return field.columns;
            }
            List<String> out = new ArrayList<>(field.columns);
            out.remove("envelope_to");
            return out;
        }

        private static boolean hasListPunctuation(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == ',' || c == '[' || c == ']') {
                    return true;
                }
            }
            return false;
        }
    }

    private static final SentItemsQuery EMPTY = new SentItemsQuery(List.of(), false);

    private final List<Term> terms;
    private final boolean hasAttachment;

    private SentItemsQuery(List<Term> terms, boolean hasAttachment) {
        this.terms = List.copyOf(terms);
        this.hasAttachment = hasAttachment;
    }

    /** The terms, in the order given, without repeats. */
    public List<Term> terms() {
        return terms;
    }

    /** Whether {@code has:attachment} was given. */
    public boolean hasAttachment() {
        return hasAttachment;
    }

    /** Whether it matches every message (nothing but spaces was given). */
    public boolean isEmpty() {
        return terms.isEmpty() && !hasAttachment;
    }

    /** Parses {@code search} (null: empty); never fails. */
    public static SentItemsQuery parse(String search) {
        if (search == null || search.isBlank()) {
            return EMPTY;
        }
        Set<Term> terms = new LinkedHashSet<>();
        boolean attachment = false;
        String s = controlsAsSpaces(search);
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && space(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            Field field = Field.ANY;
            boolean has = false;
            int value = start;
            int colon = keyEnd(s, start);
            if (colon > start && colon + 1 < n && !space(s.charAt(colon + 1))) {
                String key = s.substring(start, colon).toLowerCase(Locale.ROOT);
                switch (key) {
                    case "from" -> field = Field.FROM;
                    case "to" -> field = Field.TO;
                    case "subject" -> field = Field.SUBJECT;
                    case "has" -> has = true;
                    default -> colon = -1;
                }
                if (colon > 0) {
                    value = colon + 1;
                }
            }
            String text;
            if (s.charAt(value) == '"' && !phraseBlank(s, value)) {
                int close = s.indexOf('"', value + 1);
                text = s.substring(value + 1, close < 0 ? n : close);
                i = close < 0 ? n : close + 1;
            } else {
                i = wordEnd(s, value);
                text = s.substring(value, i);
            }
            if (has) {
                String v = text.toLowerCase(Locale.ROOT);
                if (v.equals("attachment") || v.equals("attachments")) {
                    attachment = true;
                    continue;
                }
                field = Field.ANY;
                text = s.substring(start, i); // has:other is plain text, as typed
            }
            if (terms.size() < MAX_TERMS) {
                terms.add(new Term(field, text));
            }
        }
        return new SentItemsQuery(new ArrayList<>(terms), attachment);
    }

    /** Control characters as spaces, in phrases too: FTS5 reads its query only up to a NUL. */
    private static String controlsAsSpaces(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = ' ';
            }
        }
        return chars == null ? text : new String(chars);
    }

    /** The index of the colon ending a key at {@code start} (letters only), or -1. */
    private static int keyEnd(String s, int start) {
        int j = start;
        while (j < s.length() && j - start <= 8) {
            char c = s.charAt(j);
            if (c == ':') {
                return j;
            }
            if (c < 'A' || c > 'z' || (c > 'Z' && c < 'a')) {
                return -1;
            }
            j++;
        }
        return -1;
    }

    /** Whether the phrase opened at {@code quote} has nothing but spaces before its closing quote (or the end). */
    private static boolean phraseBlank(String s, int quote) {
        for (int j = quote + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '"') {
                return true;
            }
            if (!space(c)) {
                return false;
            }
        }
        return true;
    }

    private static int wordEnd(String s, int from) {
        int j = from;
        while (j < s.length() && !space(s.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean space(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Whether a term has no column to be looked for in (e.g. {@code to:} with a quote): then nothing matches. */
    boolean matchesNothing() {
        return terms.stream().anyMatch(t -> t.columns().isEmpty());
    }

    /** The terms of one or two characters, which the index cannot look up. */
    List<Term> shortTerms() {
        return terms.stream().filter(t -> !t.indexed()).toList();
    }

    /** Whether the index has something to look up: a term of three characters or more, or has:attachment. */
    boolean usesIndex() {
        return hasAttachment || terms.stream().anyMatch(Term::indexed);
    }

    /**
     * The FTS5 query of every part, joined by AND: the mailbox's code if given, the attachment code, each
     * indexed term in its columns (a term of three characters or with non-ASCII text as one phrase, a longer
     * ASCII term as its {@link Term#cover}). Every string is quoted (quotes doubled), so nothing in it is an
     * operator. {@link SentItemsSearch} asks the index for the rarest of these parts only and checks the rest
     * on the row. Empty if nothing here needs the index.
     */
    String match(String mailboxCode) {
        List<String> parts = new ArrayList<>();
        if (mailboxCode != null) {
            parts.add("mailbox : " + phrase(mailboxCode));
        }
        if (hasAttachment) {
            parts.add("mailbox : " + phrase(Schema.ATTACHMENT_CODE));
        }
        for (Term t : terms) {
            if (t.indexed()) {
                if (t.columns().isEmpty()) {
                    throw new IllegalStateException("a term that matches nothing has no FTS5 query: " + t);
                }
                if (t.covered()) {
                    for (String trigram : new LinkedHashSet<>(t.cover())) {
                        parts.add(t.query(trigram));
                    }
                } else {
                    parts.add(t.query(t.text()));
                }
            }
        }
        return String.join(" AND ", parts);
    }

    /** An FTS5 string: the text as one phrase, which the trigram tokenizer matches as a substring. */
    static String phrase(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String toString() {
        return "SentItemsQuery" + terms + (hasAttachment ? " has:attachment" : "");
    }
}
