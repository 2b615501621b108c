package org.submitlab.ui.sentitems;

import java.util.List;
import java.util.Optional;
import org.submitlab.store.SentItemsCount;
import org.submitlab.ui.common.Formats;

/**
 * Paging state of the Sent Items browser. Each change gives a {@link Query} to load in the
 * background; a loaded {@link Page} is taken only if it answers the latest query, so a slow
 * load never overwrites a newer one. Only one page of rows is ever held. Pages go by key (the
 * last or first message id shown), never by offset: the offset is only counted for the range text.
 * A count may stop at the source's cap ("10,000+") or cover only the newest items for a term too
 * short for the index; the range text says so.
 */
public final class SentItemsPager {

    public static final int DEFAULT_PAGE_SIZE = 50;

    /** {@code up}: the rows just above {@code key} (previous page); else the rows below it (next page). */
    public record Query(long generation, Optional<String> mailbox, String search, int offset, int limit, boolean up,
            long key) {
    }

    public record Page(Query query, List<SentItemRow> rows, SentItemsCount total) {
    }

    private static final long TOP = Long.MAX_VALUE;

    private final int pageSize;
    private Optional<String> mailbox = Optional.empty();
    private String search = "";
    private int offset;
    private boolean up;
    private long key = TOP;
    private boolean toLast;
    private long generation;
    private SentItemsCount total = SentItemsCount.exactly(0);
    private List<SentItemRow> rows = List.of();
    private boolean loaded;

    public SentItemsPager() {
        this(DEFAULT_PAGE_SIZE);
    }

    public SentItemsPager(int pageSize) {
        this.pageSize = pageSize;
    }

    public Query setMailbox(Optional<String> m) {
        mailbox = m;
        return first();
    }

    public Query setSearch(String text) {
        search = text == null ? "" : text.trim();
        return first();
    }

    public Query next() {
        if (hasNext()) {
            offset += pageSize;
            up = false;
            key = rows.get(rows.size() - 1).id();
        }
        return query();
    }

    public Query previous() {
        if (offset - pageSize <= 0 || rows.isEmpty()) {
            return first();
        }
        offset -= pageSize;
        up = true;
        key = rows.get(0).id();
        return query();
    }

    public Query first() {
        offset = 0;
        up = false;
        key = TOP;
        toLast = false;
        return query();
    }

    /** The oldest page; its offset is known once its count is (else it shows as far as counted). */
    public Query last() {
        up = true;
        key = 0;
        toLast = true;
        return query();
    }

    /** Reloads the current page (new messages arrived). */
    public Query refresh() {
        return query();
    }

    /** Takes a loaded page if it answers the latest query; returns whether it did. */
    public boolean accept(Page page) {
        if (page.query().generation() != generation) {
            return false;
        }
        rows = List.copyOf(page.rows());
        total = page.total();
        if (toLast) {
            offset = (int) Math.max(0, Math.min(Integer.MAX_VALUE, total.value() - rows.size()));
        }
        loaded = true;
        return true;
    }

    public List<SentItemRow> rows() {
        return rows;
    }

    /** How many match, as far as counted ({@link SentItemsCount#exact}). */
    public SentItemsCount total() {
        return total;
    }

    public boolean hasNext() {
        return rows.size() == pageSize && (!total.exact() || offset + pageSize < total.value());
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public String search() {
        return search;
    }

    public Optional<String> mailbox() {
        return mailbox;
    }

    /** "1–50 of 1,234", "1–50 of 10,000+", "1–50 of 312 in the newest 50,000". */
    public String rangeText() {
        String of = " of " + totalText();
        if (total.value() == 0 || rows.isEmpty()) {
            return "0" + of;
        }
        return Formats.count(offset + 1L) + "\u2013" + Formats.count(offset + (long) rows.size()) + of;
    }

    private String totalText() {
        return Formats.count(total.value()) + (total.exact() ? "" : "+")
                + (total.window() > 0 ? " in the newest " + Formats.count(total.window()) : "");
    }

    public String emptyText() {
        if (!loaded) {
            return "Loading Sent Items\u2026";
        }
        if (!search.isEmpty()) {
            return "No message matches '" + search + "'" + mailbox.map(m -> " in " + m).orElse("")
                    + (total.window() > 0 ? " among the newest " + Formats.count(total.window())
                            + " (parts of 3 characters or more search them all)" : "") + ".";
        }
        return mailbox.map(m -> "No sent items in " + m + " yet.").orElse("No sent items yet.")
                + " Every message the server accepts is saved here before its 250 reply. Start a scenario to fill it.";
    }

    private Query query() {
        generation++;
        return new Query(generation, mailbox, search, offset, pageSize, up, key);
    }

    /** Loads a query from a source; runs off the FX thread. */
    public static Page load(SentItemsSource source, Query q) {
        SentItemsCount count = source.count(q.mailbox(), q.search());
        List<SentItemRow> page = q.up() ? source.after(q.mailbox(), q.search(), q.key(), q.limit())
                : source.before(q.mailbox(), q.search(), q.key(), q.limit());
        return new Page(q, page, count);
    }
}
