package org.submitlab.ui.sentitems;

import java.util.List;
import java.util.Optional;
import org.submitlab.ui.common.Formats;

/**
 * Paging state of the Sent Items browser. Each change gives a {@link Query} to load in the
 * background; a loaded {@link Page} is taken only if it answers the latest query, so a slow
 * load never overwrites a newer one. Only one page of rows is ever held.
 */
public final class SentItemsPager {

    public static final int DEFAULT_PAGE_SIZE = 50;

    public record Query(long generation, Optional<String> mailbox, String search, int offset, int limit) {
    }

    public record Page(Query query, List<SentItemRow> rows, long total) {
    }

    private final int pageSize;
    private Optional<String> mailbox = Optional.empty();
    private String search = "";
    private int offset;
    private long generation;
    private long total;
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
        offset = 0;
        return query();
    }

    public Query setSearch(String text) {
        search = text == null ? "" : text.trim();
        offset = 0;
        return query();
    }

    public Query next() {
        if (hasNext()) {
            offset += pageSize;
        }
        return query();
    }

    public Query previous() {
        offset = Math.max(0, offset - pageSize);
        return query();
    }

    public Query first() {
        offset = 0;
        return query();
    }

    public Query last() {
        offset = total == 0 ? 0 : (int) (((total - 1) / pageSize) * pageSize);
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
        loaded = true;
        return true;
    }

    public List<SentItemRow> rows() {
        return rows;
    }

    public long total() {
        return total;
    }

    public boolean hasNext() {
        return offset + pageSize < total;
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

    /** "1–50 of 1,234". */
    public String rangeText() {
        if (total == 0 || rows.isEmpty()) {
            return "0 of " + Formats.count(total);
        }
        return Formats.count(offset + 1L) + "\u2013" + Formats.count(offset + (long) rows.size()) + " of " + Formats.count(total);
    }

    public String emptyText() {
        if (!loaded) {
            return "Loading Sent Items\u2026";
        }
        if (!search.isEmpty()) {
            return "No message matches '" + search + "'" + mailbox.map(m -> " in " + m).orElse("") + ".";
        }
        return mailbox.map(m -> "No sent items in " + m + " yet.").orElse("No sent items yet.")
                + " Every message the server accepts is saved here before its 250 reply. Start a scenario to fill it.";
    }

    private Query query() {
        generation++;
        return new Query(generation, mailbox, search, offset, pageSize);
    }

    /** Loads a query from a source; runs off the FX thread. */
    public static Page load(SentItemsSource source, Query q) {
        long count = source.count(q.mailbox(), q.search());
        List<SentItemRow> page = source.page(q.mailbox(), q.search(), q.offset(), q.limit());
        return new Page(q, page, count);
    }
}
