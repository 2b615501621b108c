package org.submitlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One Sent Items filter (a mailbox or all, a search in the syntax of {@link SentItemsQuery} or none) and its
 * queries: pages by key (newest first by id, see docs/decisions/0202-keyset-paging.md), the key at an offset,
 * and a count that may stop at a cap. The plans:
 * <ul>
 * <li>no search: the messages table by id (the primary key, or {@code messages_sent_items_by_mailbox_id});
 * counts come from {@code sent_items_sizes};
 * <li>a term of three characters or more, or {@code has:attachment}: the trigram index {@code sent_items_search},
 * one FTS5 query that ANDs every such term (each a phrase in its columns: a case-insensitive substring match,
 * docs/decisions/0201-fts5-trigram-search.md), the attachment code and the mailbox's code;
 * <li>terms of one or two characters (no trigram to look up): {@code LIKE} over their columns among the newest
 * {@link #SHORT_TERM_WINDOW} items in the filter only, so that it stays as fast as the others; the count says
 * so ({@link SentItemsCount#window}). Alone they scan the messages table; beside indexed terms they filter the
 * index's matches in that window ({@code f.rowid >= floor});
 * <li>a term that can match nothing (a {@code to:} term with a quote, see {@link SentItemsQuery}): no query.
 * </ul>
 * See docs/decisions/0206-search-syntax-and-attachments.md.
 */
final class SentItemsSearch {

    /** How many of the newest items a one- or two-character term is looked for in. */
    static final int SHORT_TERM_WINDOW = 50_000;

    private enum Kind { ALL, INDEX, SHORT, NONE }

    private static final String ROW_COLUMNS = "m.id, m.mailbox, m.time, m.envelope_from, m.envelope_to, "
            + "m.authenticated_as, m.client_address, m.tls, m.session_id, m.size, m.subject, m.message_id, m.from_header";

    private final Optional<String> mailbox;
    private final SentItemsQuery query;
    private final List<SentItemsQuery.Term> shortTerms;
    private final Kind kind;
    /** Short terms only: the lowest id searched, once looked up (0: every item). */
    private long floor = -1;

    private SentItemsSearch(Optional<String> mailbox, SentItemsQuery query) {
        this.mailbox = mailbox;
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
        Optional<String> m = mailbox == null ? Optional.empty() : mailbox.map(a -> a.trim().toLowerCase(Locale.ROOT));
        return new SentItemsSearch(m, SentItemsQuery.parse(search));
    }

    Optional<String> mailbox() {
        return mailbox;
    }

    /** Up to {@code limit} items with an id below {@code beforeId}, newest first. */
    List<SentItem> before(Connection c, long beforeId, int limit) throws SQLException {
        if (kind == Kind.NONE) {
            return List.of();
        }
        Sql q = select(c, ROW_COLUMNS, true);
        q.sql.append(" AND ").append(key()).append(" < ? ORDER BY ").append(key()).append(" DESC LIMIT ?");
        q.args.add(beforeId);
        q.args.add((long) limit);
        return rows(c, q);
    }

    /** The {@code limit} items just above {@code afterId}, newest first. */
    List<SentItem> after(Connection c, long afterId, int limit) throws SQLException {
        if (kind == Kind.NONE) {
            return List.of();
        }
        Sql q = select(c, ROW_COLUMNS, true);
        q.sql.insert(0, "SELECT * FROM (");
        q.sql.append(" AND ").append(key()).append(" > ? ORDER BY ").append(key()).append(" LIMIT ?) ORDER BY id DESC");
        q.args.add(afterId);
        q.args.add((long) limit);
        return rows(c, q);
    }

    /** The id of the item {@code offset} places from the newest, if there are that many. */
    OptionalLong idAt(Connection c, long offset) throws SQLException {
        if (kind == Kind.NONE) {
            return OptionalLong.empty();
        }
        Sql q = select(c, key(), false);
        q.sql.append(" ORDER BY ").append(key()).append(" DESC LIMIT 1 OFFSET ?");
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
        Sql q = select(c, "1", false);
        q.sql.insert(0, "SELECT count(*) FROM (").append(" LIMIT ?)");
        q.args.add(cap == Long.MAX_VALUE ? -1 : cap + 1);
        long n;
        try (PreparedStatement ps = q.prepare(c); ResultSet rs = ps.executeQuery()) {
            n = rs.next() ? rs.getLong(1) : 0;
        }
        int window = !shortTerms.isEmpty() && floor(c) > 0 ? SHORT_TERM_WINDOW : 0;
        return n > cap ? new SentItemsCount(cap, false, window) : new SentItemsCount(n, true, window);
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

    private String key() {
        return kind == Kind.INDEX ? "f.rowid" : "m.id";
    }

    /** SELECT {@code columns} FROM the plan's tables WHERE the filter (more conditions are appended with AND). */
    private Sql select(Connection c, String columns, boolean rows) throws SQLException {
        Sql q = new Sql();
        q.sql.append("SELECT ").append(columns);
        switch (kind) {
            case INDEX -> {
                q.sql.append(" FROM sent_items_search f");
                if (rows || !shortTerms.isEmpty()) {
                    // CROSS JOIN keeps the index the outer loop: its rowid order is the page order.
                    q.sql.append(" CROSS JOIN messages m ON m.id = f.rowid");
                }
                q.sql.append(" WHERE f.sent_items_search MATCH ?");
                q.args.add(match(c));
                if (!shortTerms.isEmpty()) {
                    q.sql.append(" AND f.rowid >= ?");
                    q.args.add(floor(c));
                    like(q);
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
                    like(q);
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        return q;
    }

    /** One condition per short term: a LIKE in any of its columns. */
    private void like(Sql q) {
        for (SentItemsQuery.Term t : shortTerms) {
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
     * The full-text query (see {@link SentItemsQuery#match}); with a mailbox, that mailbox's code in the mailbox
     * column (a mailbox without Sent Items has no code: rowid 0 matches none).
     */
    private String match(Connection c) throws SQLException {
        if (mailbox.isEmpty()) {
            return query.match(null);
        }
        long rowid = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT rowid FROM sent_items_sizes WHERE mailbox = ?")) {
            ps.setString(1, mailbox.get());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    rowid = rs.getLong(1);
                }
            }
        }
        return query.match(Schema.mailboxCode(rowid));
    }

    /** The lowest id a short term is looked for at: that of the newest SHORT_TERM_WINDOW-th item, or 0. */
    private long floor(Connection c) throws SQLException {
        if (floor < 0) {
            OptionalLong id = new SentItemsSearch(mailbox, SentItemsQuery.parse("")).idAt(c, SHORT_TERM_WINDOW - 1L);
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
