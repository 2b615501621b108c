package org.submitlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One Sent Items filter (a mailbox or all, a search in the syntax of {@link SentItemsQuery} or none) and its
 * queries: pages by key (newest first by id, see docs/decisions/0202-keyset-paging.md), the key at an offset,
 * and a count that may stop at a cap. The plans:
 * <ul>
 * <li>no search: the messages table by id (the primary key, or {@code messages_sent_items_by_mailbox_id});
 * counts come from {@code sent_items_sizes};
 * <li>a term of three characters or more, or {@code has:attachment}: the trigram index {@code sent_items_search},
 * one FTS5 query that ANDs every such term in its columns (a case-insensitive substring match through trigrams,
 * docs/decisions/0201-fts5-trigram-search.md), the attachment code and the mailbox's code; a longer ASCII term is
 * asked as a few of its trigrams and checked on the joined messages row with {@code LIKE} (cheaper than a phrase);
 * <li>terms of one or two characters (no trigram to look up): {@code LIKE} over their columns among the newest
 * {@link #SHORT_TERM_WINDOW} items in the filter only, so that it stays as fast as the others; the count says
 * so ({@link SentItemsCount#window}). Alone they scan the messages table; beside indexed terms they filter the
 * index's matches in that window ({@code f.rowid >= floor});
 * <li>a term that can match nothing (a {@code to:} term with a quote, see {@link SentItemsQuery}): no query.
 * </ul>
 * The index may be behind the newest messages ({@link SearchIndexer}, docs/decisions/0207-search-index-behind-the-writer.md):
 * an INDEX search asks it for the ids up to {@code sent_items_indexed.upto} and looks at the few above with
 * {@code LIKE} (every term in its columns, the attachment flag, the mailbox), those being the newest, first.
 * See docs/decisions/0206-search-syntax-and-attachments.md.
 */
final class SentItemsSearch {

    /** How many of the newest items a one- or two-character term is looked for in. */
    static final int SHORT_TERM_WINDOW = 50_000;

    /** At most this many parts go into the index's AND (the rarest); the row check covers the others. */
    static final int MAX_ASKED = 3;
    /** A part that more than this share of all items has is asked only if nothing rarer is left. */
    static final double DENSE = 0.5;
    /** Index entries a part's probe reads at most. */
    static final int PROBE = 500;
    /** Probes per search at most; parts beyond are taken as dense. */
    static final int MAX_PROBES = 24;
    /** How long a plan is reused for the same search. */
    static final int PLAN_SECONDS = 60;

    private enum Kind { ALL, INDEX, SHORT, NONE }

    private static final String ROW_COLUMNS = "m.id, m.mailbox, m.time, m.envelope_from, m.envelope_to, "
            + "m.authenticated_as, m.client_address, m.tls, m.session_id, m.size, m.subject, m.message_id, m.from_header";

    private final Optional<String> mailbox;
    private final SentItemsQuery query;
    private final List<SentItemsQuery.Term> shortTerms;
    private final Kind kind;
    /** Short terms only: the lowest id searched, once looked up (0: every item). */
    private long floor = -1;
    /** INDEX only: what the index is asked and what the row is checked for, once worked out. */
    private Plan plan;
    /** INDEX only: the highest id in the index, once read; the ids above it are looked at with LIKE. */
    private long indexedUpto = -1;

    private final Plans plans;
    /** The plan's key in {@link #plans}: the mailbox (no NUL in an address), NUL, the search as given. */
    private final String key;

    private SentItemsSearch(Optional<String> mailbox, String search, Plans plans) {
        SentItemsQuery query = SentItemsQuery.parse(search);
        this.mailbox = mailbox;
        this.plans = plans;
        this.key = mailbox.orElse("") + "\u0000" + search;
        this.query = query;
        this.shortTerms = query.shortTerms();
        if (query.matchesNothing()) {
            this.kind = Kind.NONE;
        } else if (query.usesIndex()) {
            this.kind = Kind.INDEX;
        } else {
            this.kind = shortTerms.isEmpty() ? Kind.ALL : Kind.SHORT;
        }
    }

    static SentItemsSearch of(Optional<String> mailbox, String search) {
        return of(mailbox, search, null);
    }

    /** With {@code plans} (may be null), the plan of a search asked again soon is not worked out again. */
    static SentItemsSearch of(Optional<String> mailbox, String search, Plans plans) {
        Optional<String> m = mailbox == null ? Optional.empty() : mailbox.map(a -> a.trim().toLowerCase(Locale.ROOT));
        return new SentItemsSearch(m, search == null ? "" : search, plans);
    }

    Optional<String> mailbox() {
        return mailbox;
    }

    /** Up to {@code limit} items with an id below {@code beforeId}, newest first. */
    List<SentItem> before(Connection c, long beforeId, int limit) throws SQLException {
        if (kind == Kind.NONE) {
            return List.of();
        }
        List<SentItem> items = new ArrayList<>();
        if (kind == Kind.INDEX && beforeId > indexedUpto(c) + 1) {
            items.addAll(before(c, true, beforeId, limit));
        }
        if (items.size() < limit) {
            items.addAll(before(c, false, beforeId, limit - items.size()));
        }
        return items;
    }

    private List<SentItem> before(Connection c, boolean tail, long beforeId, int limit) throws SQLException {
        Sql q = select(c, ROW_COLUMNS, true, tail);
        q.sql.append(" AND ").append(key(tail)).append(" < ? ORDER BY ").append(key(tail)).append(" DESC LIMIT ?");
        q.args.add(beforeId);
        q.args.add((long) limit);
        return rows(c, q);
    }

    /** The {@code limit} items just above {@code afterId}, newest first. */
    List<SentItem> after(Connection c, long afterId, int limit) throws SQLException {
        if (kind == Kind.NONE) {
            return List.of();
        }
        List<SentItem> indexed = after(c, false, afterId, limit);
        if (kind != Kind.INDEX || indexed.size() == limit) {
            return indexed;
        }
        List<SentItem> items = new ArrayList<>(after(c, true, Math.max(afterId, indexedUpto(c)), limit - indexed.size()));
        items.addAll(indexed);
        return items;
    }

    private List<SentItem> after(Connection c, boolean tail, long afterId, int limit) throws SQLException {
        Sql q = select(c, ROW_COLUMNS, true, tail);
        q.sql.insert(0, "SELECT * FROM (");
        q.sql.append(" AND ").append(key(tail)).append(" > ? ORDER BY ").append(key(tail))
                .append(" LIMIT ?) ORDER BY id DESC");
        q.args.add(afterId);
        q.args.add((long) limit);
        return rows(c, q);
    }

    /** The id of the item {@code offset} places from the newest, if there are that many. */
    OptionalLong idAt(Connection c, long offset) throws SQLException {
        if (kind == Kind.NONE) {
            return OptionalLong.empty();
        }
        long inTail = kind == Kind.INDEX ? countPart(c, true, Long.MAX_VALUE) : 0;
        return offset < inTail ? idAt(c, true, offset) : idAt(c, false, offset - inTail);
    }

    private OptionalLong idAt(Connection c, boolean tail, long offset) throws SQLException {
        Sql q = select(c, key(tail), false, tail);
        q.sql.append(" ORDER BY ").append(key(tail)).append(" DESC LIMIT 1 OFFSET ?");
        q.args.add(offset);
        try (PreparedStatement ps = q.prepare(c); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
        }
    }

    /** How many items match, counting at most {@code cap}. */
    SentItemsCount count(Connection c, long cap) throws SQLException {
        if (kind == Kind.ALL) {
            return SentItemsCount.exactly(total(c));
        }
        if (kind == Kind.NONE) {
            return SentItemsCount.exactly(0);
        }
        long n = kind == Kind.INDEX ? countPart(c, true, cap) : 0;
        if (n <= cap) {
            n += countPart(c, false, cap == Long.MAX_VALUE ? cap : cap - n);
        }
        int window = !shortTerms.isEmpty() && floor(c) > 0 ? SHORT_TERM_WINDOW : 0;
        return n > cap ? new SentItemsCount(cap, false, window) : new SentItemsCount(n, true, window);
    }

    /** The matches in the index's part or the tail's, at most {@code cap} + 1 of them. */
    private long countPart(Connection c, boolean tail, long cap) throws SQLException {
        Sql q = select(c, "1", false, tail);
        q.sql.insert(0, "SELECT count(*) FROM (").append(" LIMIT ?)");
        q.args.add(cap == Long.MAX_VALUE ? -1 : cap + 1);
        try (PreparedStatement ps = q.prepare(c); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Items in the filter without a term, from the sizes the store keeps. */
    private long total(Connection c) throws SQLException {
        String sql = mailbox.isPresent() ? "SELECT items FROM sent_items_sizes WHERE mailbox = ?"
                : "SELECT coalesce(sum(items), 0) FROM sent_items_sizes";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (mailbox.isPresent()) {
                ps.setString(1, mailbox.get());
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private String key(boolean tail) {
        return kind == Kind.INDEX && !tail ? "f.rowid" : "m.id";
    }

    /** The highest id the index holds (read once per search, so both parts split the ids at the same place). */
    private long indexedUpto(Connection c) throws SQLException {
        if (indexedUpto < 0) {
            indexedUpto = SearchIndexer.indexedUpto(c);
        }
        return indexedUpto;
    }

    /**
     * SELECT {@code columns} FROM the plan's tables WHERE the filter (more conditions are appended with AND); for an
     * INDEX search, its part in the index or (with {@code tail}) the newest ids, not yet in it, checked on the row.
     */
    private Sql select(Connection c, String columns, boolean rows, boolean tail) throws SQLException {
        Sql q = new Sql();
        q.sql.append("SELECT ").append(columns);
        if (tail) {
            q.sql.append(" FROM messages m WHERE m.in_sent_items = 1 AND m.id > ?");
            q.args.add(indexedUpto(c));
            mailbox.ifPresent(m -> {
                q.sql.append(" AND m.mailbox = ?");
                q.args.add(m);
            });
            if (!shortTerms.isEmpty()) {
                q.sql.append(" AND m.id >= ?");
                q.args.add(floor(c));
            }
            if (query.hasAttachment()) {
                q.sql.append(" AND m.attachments = 1");
            }
            like(q, query.terms());
            return q;
        }
        switch (kind) {
            case INDEX -> {
                q.sql.append(" FROM sent_items_search f");
                Plan p = plan(c);
                if (rows || p.checksRow()) {
                    // CROSS JOIN keeps the index the outer loop: its rowid order is the page order.
                    q.sql.append(" CROSS JOIN messages m ON m.id = f.rowid");
                }
                q.sql.append(" WHERE f.sent_items_search MATCH ? AND f.rowid <= ?");
                q.args.add(p.match());
                q.args.add(indexedUpto(c));
                if (!shortTerms.isEmpty()) {
                    q.sql.append(" AND f.rowid >= ?");
                    q.args.add(floor(c));
                }
                like(q, p.like());
                if (p.attachmentOnRow()) {
                    q.sql.append(" AND m.attachments = 1");
                }
                if (p.mailboxOnRow()) {
                    q.sql.append(" AND m.mailbox = ?");
                    q.args.add(mailbox.get());
                }
            }
            case ALL, SHORT -> {
                long lowest = kind == Kind.SHORT ? floor(c) : 0;
                q.sql.append(" FROM messages m");
                q.sql.append(mailbox.isPresent() ? " INDEXED BY messages_sent_items_by_mailbox_id"
                        : " INDEXED BY messages_sent_items_by_id");
                q.sql.append(" WHERE m.in_sent_items = 1");
                mailbox.ifPresent(m -> {
                    q.sql.append(" AND m.mailbox = ?");
                    q.args.add(m);
                });
                if (kind == Kind.SHORT) {
                    q.sql.append(" AND m.id >= ?");
                    q.args.add(lowest);
                    like(q, shortTerms); // only short terms here: any other makes the plan INDEX
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        return q;
    }

    /** One condition per term checked on the row: a LIKE in any of its columns. */
    private static void like(Sql q, List<SentItemsQuery.Term> terms) {
        for (SentItemsQuery.Term t : terms) {
            String pattern = org.submitlab.store.Sql.containsPattern(t.text());
            List<String> columns = t.columns();
            q.sql.append(" AND (");
            for (int i = 0; i < columns.size(); i++) {
                q.sql.append(i == 0 ? "" : " OR ").append("m.").append(columns.get(i)).append(" LIKE ? ESCAPE '\\'");
                q.args.add(pattern);
            }
            q.sql.append(')');
        }
    }

    /**
     * What the index is asked and what the joined row is checked for. With a trigram index a phrase costs a
     * position check per trigram at every candidate row, and an AND of a rare and a common part walks the rare
     * one seeking in the common one; so the parts (the mailbox's code, the attachment code, each term of three
     * characters, each trigram of a longer ASCII term, each phrase of other text) are probed for how many
     * rows have them, the rarest {@link #MAX_ASKED} (fewer if the others are {@link #DENSE}) become the FTS5
     * query, and the row check makes the result exact: {@code LIKE} for every longer ASCII term (its trigrams
     * alone are not the substring) and for an ASCII term of three left out, {@code m.attachments = 1} and
     * {@code m.mailbox = ?} for those left out. Text with non-ASCII characters is always asked as its phrase:
     * {@code LIKE} folds ASCII case only. See docs/decisions/0206-search-syntax-and-attachments.md.
     */
    private Plan plan(Connection c) throws SQLException {
        if (plan != null) {
            return plan;
        }
        plan = plans == null ? null : plans.get(key);
        if (plan != null) {
            return plan;
        }
        long newest;
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) FROM messages");
             ResultSet rs = ps.executeQuery()) {
            newest = rs.next() ? rs.getLong(1) : 0;
        }
        try (Probe probe = new Probe(c, newest)) {
            plan = plan(c, newest, probe);
        }
        if (plans != null && plan.keep()) {
            plans.put(key, plan);
        }
        return plan;
    }

    /**
     * Plans worked out lately, by mailbox and query: the console asks for a count and a page of the same search
     * at once, and pages on. A plan is right whatever the data (the row check makes it exact); only its choice
     * of parts ages as messages arrive, so it is kept for {@link #PLAN_SECONDS}.
     */
    static final class Plans {
        private static final int SIZE = 64;

        private record Entry(Plan plan, long madeNanos) {
        }

        private final Map<String, Entry> recent = new LinkedHashMap<>(SIZE, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > SIZE;
            }
        };

        synchronized Plan get(String key) {
            Entry e = recent.get(key);
            if (e == null || System.nanoTime() - e.madeNanos() > TimeUnit.SECONDS.toNanos(PLAN_SECONDS)) {
                return null;
            }
            return e.plan();
        }

        synchronized void put(String key, Plan plan) {
            recent.put(key, new Entry(plan, System.nanoTime()));
        }
    }

    private Plan plan(Connection c, long newest, Probe probe) throws SQLException {
        List<Part> parts = new ArrayList<>();
        Part mailboxPart = null;
        boolean unknownMailbox = false;
        if (mailbox.isPresent()) {
            long rowid = 0;
            long items = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT rowid, items FROM sent_items_sizes WHERE mailbox = ?")) {
                ps.setString(1, mailbox.get());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        rowid = rs.getLong(1);
                        items = rs.getLong(2);
                    }
                }
            }
            // A mailbox without Sent Items has no code: rowid 0 names none, and the query matches nothing.
            unknownMailbox = rowid == 0;
            mailboxPart = new Part("mailbox : " + SentItemsQuery.phrase(Schema.mailboxCode(rowid)), items, false, null);
            parts.add(mailboxPart);
        }
        Part attachmentPart = null;
        if (query.hasAttachment()) {
            String fts = "mailbox : " + SentItemsQuery.phrase(Schema.ATTACHMENT_CODE);
            attachmentPart = new Part(fts, probe.rows(fts), false, null);
            parts.add(attachmentPart);
        }
        for (SentItemsQuery.Term t : query.terms()) {
            if (t.covered()) {
                for (String trigram : t.trigrams().size() > MAX_PROBES ? t.cover() : t.trigrams()) {
                    String fts = t.query(trigram);
                    parts.add(new Part(fts, probe.rows(fts), false, t));
                }
            } else if (t.indexed()) {
                boolean ascii = t.text().chars().allMatch(ch -> ch < 0x80);
                String fts = t.query(t.text());
                parts.add(new Part(fts, ascii ? probe.rows(fts) : 0, !ascii, t));
            }
        }
        List<Part> asked = new ArrayList<>(parts.stream().filter(Part::must).toList());
        List<Part> optional = parts.stream().filter(p -> !p.must()).sorted(Comparator.comparingDouble(Part::rows))
                .toList();
        for (Part p : optional) {
            if (asked.isEmpty() || asked.size() < MAX_ASKED && p.rows() < DENSE * newest) {
                asked.add(p);
            }
        }
        List<SentItemsQuery.Term> like = new ArrayList<>();
        for (SentItemsQuery.Term t : query.terms()) {
            boolean exactInIndex = t.indexed() && !t.covered() && asked.stream().anyMatch(p -> p.term() == t);
            if (!exactInIndex) {
                like.add(t);
            }
        }
        return new Plan(asked.stream().map(Part::fts).distinct().collect(Collectors.joining(" AND ")), like,
                attachmentPart != null && !asked.contains(attachmentPart),
                mailboxPart != null && !asked.contains(mailboxPart), !unknownMailbox);
    }

    /** The FTS5 query the index is asked (the plan's choice; tests look at it). */
    String match(Connection c) throws SQLException {
        return plan(c).match();
    }

    /** One thing the index can be asked for: its FTS5 query, about how many rows have it, whether it must be. */
    private record Part(String fts, double rows, boolean must, SentItemsQuery.Term term) {
    }

    /**
     * The FTS5 query; the terms checked with LIKE; whether attachments and the mailbox are checked on the row;
     * whether it may be reused (not if it names a mailbox that had no code yet: its first message gives it one).
     */
    private record Plan(String match, List<SentItemsQuery.Term> like, boolean attachmentOnRow, boolean mailboxOnRow,
            boolean keep) {
        boolean checksRow() {
            return !like.isEmpty() || attachmentOnRow || mailboxOnRow;
        }
    }

    /** How many rows have a part: all of them if fewer than PROBE, else from the id range its newest PROBE span. */
    private static final class Probe implements AutoCloseable {
        private final PreparedStatement ps;
        private final long newest;
        private int left = MAX_PROBES;

        Probe(Connection c, long newest) throws SQLException {
            this.ps = c.prepareStatement("SELECT count(*), min(rowid), max(rowid) FROM (SELECT rowid FROM sent_items_search"
                    + " WHERE sent_items_search MATCH ? ORDER BY rowid DESC LIMIT " + PROBE + ")");
            this.newest = newest;
        }

        double rows(String fts) throws SQLException {
            if (left-- <= 0) {
                return newest; // not probed: taken as in every row
            }
            ps.setString(1, fts);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                return n < PROBE ? n : (double) PROBE * newest / (rs.getLong(3) - rs.getLong(2) + 1);
            }
        }

        @Override
        public void close() throws SQLException {
            ps.close();
        }
    }

    /** The lowest id a short term is looked for at: that of the newest SHORT_TERM_WINDOW-th item, or 0. */
    private long floor(Connection c) throws SQLException {
        if (floor < 0) {
            OptionalLong id = new SentItemsSearch(mailbox, "", null).idAt(c, SHORT_TERM_WINDOW - 1L);
            floor = id.isPresent() ? id.getAsLong() : 0;
        }
        return floor;
    }

    private static List<SentItem> rows(Connection c, Sql q) throws SQLException {
        List<SentItem> items = new ArrayList<>();
        try (PreparedStatement ps = q.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                items.add(SentItemsRepository.sentItem(rs));
            }
        }
        return items;
    }

    /** A statement being built and its arguments in order. */
    private static final class Sql {
        final StringBuilder sql = new StringBuilder();
        final List<Object> args = new ArrayList<>();

        PreparedStatement prepare(Connection c) throws SQLException {
            PreparedStatement ps = c.prepareStatement(sql.toString());
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof Long l) {
                    ps.setLong(i + 1, l);
                } else {
                    ps.setString(i + 1, (String) a);
                }
            }
            return ps;
        }
    }
}
