package org.submitlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.submitlab.policy.Mailbox;
import org.submitlab.store.SentItem;
import org.submitlab.store.SentItemsCount;
import org.submitlab.store.SentItemsRepository;
import org.submitlab.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sent-items}: lists Sent Items, newest last; safe while a server runs on the same folder. */
@Command(name = "sent-items", sortOptions = false,
        description = {"Lists Live's Sent Items (or a run's, with --run), newest last. Works while a server is running "
                + "on the same folder.",
            "With --search, --limit or --offset: one page of the console's query instead, newest first.",
            "With --json: one JSON object per line (id, mailbox, time, envelopeFrom, envelopeTo, subject, size,",
            "messageId, fromHeader, authenticatedAs, clientAddress, tls, sessionId)."})
public final class SentItemsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TABLE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int DEFAULT_LIMIT = 50;
    private static final String ROW = "%6s  %-19s  %-28s  %-28s  %-28s  %8s  %s%n";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Mixin
    DataFolderOption data = new DataFolderOption();

    @Option(names = "--mailbox", paramLabel = "ADDRESS", description = "Only this mailbox's Sent Items.")
    String mailbox;

    @Option(names = "--run", paramLabel = "ID|latest",
            description = "A run's Sent Items (see 'submitlab runs list') instead of Live's.")
    String run;

    @Option(names = "--json", description = "One JSON object per line instead of a table.")
    boolean json;

    @Option(names = "--search", paramLabel = "TEXT",
            description = {"Only messages matching TEXT, newest first, as the console searches. Parts separated by "
                    + "spaces must all match: a word or \"a phrase\" is found in the subject, envelope sender, From "
                    + "header or envelope recipients (any case, anywhere in them); from:X in the envelope sender or "
                    + "From header; to:X in the envelope recipients; subject:X (or subject:\"two words\") in the "
                    + "subject; has:attachment. Anything else (foo:bar, http://x, a lone \") is plain text. With a "
                    + "part under 3 characters only the newest 50,000 messages are searched."})
    String search;

    @Option(names = "--limit", paramLabel = "N", description = "At most N messages, newest first (default 50 with "
            + "--search or --offset).")
    Integer limit;

    @Option(names = "--offset", paramLabel = "N", description = "Skip the N newest matching messages.")
    Integer offset;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        Optional<String> only = Optional.empty();
        if (mailbox != null) {
            try {
                only = Optional.of(Mailbox.normalize(mailbox));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--mailbox: " + e.getMessage());
            }
        }
        boolean paged = search != null || limit != null || offset != null;
        int pageLimit = limit == null ? DEFAULT_LIMIT : limit;
        int skip = offset == null ? 0 : offset;
        if (pageLimit < 0 || skip < 0) {
            throw new CommandLine.ParameterException(cl, "--limit and --offset must not be negative");
        }
        PrintWriter out = cl.getOut();
        AtomicLong count = new AtomicLong();
        String footer = null;
        try (Store store = data.openWorldReadOnly(run)) {
            if (!json) {
                out.printf(ROW, "ID", "TIME (UTC)", "MAILBOX", "ENVELOPE FROM", "ENVELOPE TO", "SIZE", "SUBJECT");
            }
            Consumer<SentItem> print = item -> {
                count.incrementAndGet();
                if (json) {
                    out.println(toJson(item));
                } else {
                    printRow(out, item);
                }
            };
            if (paged) {
                String term = search == null ? "" : search;
                store.sentItems().page(only, term, skip, pageLimit).forEach(print);
                SentItemsCount total = store.sentItems().countUpTo(only, term, SentItemsRepository.COUNT_CAP);
                footer = (count.get() == 0 ? "0 items" : "items " + (skip + 1) + "-" + (skip + count.get())) + " of "
                        + total.value() + (total.exact() ? "" : "+")
                        + (total.window() > 0 ? " among the newest " + total.window() : "")
                        + (term.isEmpty() ? "" : " matching '" + term.trim() + "'");
            } else {
                store.sentItems().forEach(only, print);
            }
        }
        out.flush();
        if (!json) {
            cl.getErr().println(footer != null ? footer : count.get() + " item(s)");
            cl.getErr().flush();
        }
        return 0;
    }

    static String toJson(SentItem item) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", item.id());
        o.put("mailbox", item.mailbox());
        o.put("time", item.time().toString());
        o.put("envelopeFrom", item.envelopeFrom());
        ArrayNode to = o.putArray("envelopeTo");
        item.envelopeTo().forEach(to::add);
        o.put("subject", item.subject());
        o.put("size", item.size());
        o.put("messageId", item.messageId());
        o.put("fromHeader", item.fromHeader());
        o.put("authenticatedAs", item.authenticatedAs());
        o.put("clientAddress", item.clientAddress());
        o.put("tls", item.tls());
        o.put("sessionId", item.sessionId());
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void printRow(PrintWriter out, SentItem item) {
        List<String> rcpts = item.envelopeTo();
        String to = rcpts.isEmpty() ? "" : rcpts.get(0) + (rcpts.size() > 1 ? " +" + (rcpts.size() - 1) : "");
        out.printf(ROW, item.id(), TABLE_TIME.format(item.time()), cut(item.mailbox(), 28), cut(item.envelopeFrom(), 28),
                to, item.size(), item.subject() == null ? "" : cut(item.subject(), 60));
    }

    private static String cut(String text, int width) {
        if (text == null) {
            return "";
        }
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }
}
