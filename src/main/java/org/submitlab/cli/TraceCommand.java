package org.submitlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.submitlab.app.RunState;
import org.submitlab.app.Runs;
import org.submitlab.app.trace.MessageTrace;
import org.submitlab.app.trace.TraceCsv;
import org.submitlab.app.trace.TraceRow;
import org.submitlab.store.Store;
import org.submitlab.store.TraceQuery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trace}: every submission that matches, with each accepted message's deliveries. */
@Command(name = "trace", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Message trace: every submission, accepted or refused, with time, mailbox, client, envelope "
                + "and reply; after each accepted one, a line per delivery (delivered, or delayed by the message rate, "
                + "and the header recipients the 2018 replay adds). In a run that ended, messages its devices never got "
                + "accepted are listed as lost. Works while a server runs on the same folder.",
            "With --json: one object per line: kind (submission, delivery, lost), time, mailbox, messageId, status, "
                + "reply, client, sessionId, envelopeFrom, envelopeTo, size; deliveries add recipient and deliverAt; "
                + "reason where there is one."})
public final class TraceCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TABLE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    DataFolderOption data = new DataFolderOption();
    @Option(names = "--run", paramLabel = "ID|latest", description = "A run's trace instead of Live's.")
    String run;
    @Option(names = "--sender", paramLabel = "ADDRESS", description = "The mailbox that sent, or the envelope sender.")
    String sender;
    @Option(names = "--recipient", paramLabel = "ADDRESS", description = "An envelope recipient, or a header recipient "
            + "that got a delivery.")
    String recipient;
    @Option(names = "--message-id", paramLabel = "ID", description = "The Message-ID, with or without <>.")
    String messageId;
    @Option(names = "--since", paramLabel = "TIME", description = "From this time: 2026-12-02T09:00:00Z, "
            + "2026-12-02 09:00 (local), 2026-12-02, or how long ago (30m, 2h, 1d).")
    String since;
    @Option(names = "--until", paramLabel = "TIME", description = "Up to this time (same forms as --since).")
    String until;
    @Option(names = "--status", paramLabel = "STATUS", description = "Only accepted, refused, delivered, delayed, failed (an NDR) or lost.")
    String status;
    @Option(names = "--limit", paramLabel = "N", description = "At most N submissions, the newest that match (default: "
            + TraceQuery.DEFAULT_LIMIT + ").")
    int limit = TraceQuery.DEFAULT_LIMIT;
    @Option(names = "--json", description = "One JSON object per line instead of a table.")
    boolean json;
    @Option(names = "--csv", description = "CSV with a header line instead of a table (for a spreadsheet).")
    boolean csv;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        Instant now = org.submitlab.policy.LabClock.system().instant();
        TraceQuery q;
        Optional<TraceRow.Status> only;
        try {
            only = Optional.ofNullable(status).map(TraceRow.Status::of);
            q = new TraceQuery(Optional.ofNullable(sender), Optional.ofNullable(recipient), Optional.ofNullable(messageId),
                    Optional.ofNullable(since).map(t -> time("--since", t, now)),
                    Optional.ofNullable(until).map(t -> time("--until", t, now)), Optional.empty(), limit);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        boolean ended = run != null && !new Runs(data.folder()).find(run).state().active();
        List<TraceRow> rows;
        try (Store store = data.openWorldReadOnly(run)) {
            rows = new MessageTrace(store, ended).find(q, only);
        }
        PrintWriter out = cl.getOut();
        if (json) {
            rows.forEach(r -> out.println(toJson(r)));
        } else if (csv) {
            TraceCsv.write(rows, out);
        } else {
            out.printf("%-19s  %-9s  %-26s  %-30s  %s%n", "TIME (UTC)", "STATUS", "MAILBOX", "MESSAGE-ID", "REPLY / DELIVERY");
            for (TraceRow r : rows) {
                String what = switch (r.kind()) {
                    case SUBMISSION -> r.reply();
                    case DELIVERY -> "  -> " + r.recipient().orElse("") + r.reason().map(x -> " (" + x + ")").orElse("");
                    case LOST -> r.reason().orElse("");
                };
                out.printf("%-19s  %-9s  %-26s  %-30s  %s%n", TABLE_TIME.format(r.time()), r.status().key(),
                        r.mailbox() == null ? "(not logged in)" : r.mailbox(), r.messageId() == null ? "" : r.messageId(),
                        what);
            }
            if (rows.isEmpty()) {
                out.println("(no submission matches)");
            }
        }
        out.flush();
        return 0;
    }

    private static Instant time(String option, String text, Instant now) {
        try {
            return MessageTrace.parseTime(text, now, ZoneId.systemDefault());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    static String toJson(TraceRow r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT));
        o.put("time", r.time().toString());
        o.put("status", r.status().key());
        o.put("mailbox", r.mailbox());
        o.put("messageId", r.messageId());
        o.put("reply", r.reply());
        r.recipient().ifPresent(x -> o.put("recipient", x));
        r.deliverAt().ifPresent(x -> o.put("deliverAt", x.toString()));
        r.reason().ifPresent(x -> o.put("reason", x));
        o.put("client", r.client());
        o.put("sessionId", r.sessionId());
        o.put("envelopeFrom", r.envelopeFrom());
        r.envelopeTo().forEach(o.putArray("envelopeTo")::add);
        o.put("size", r.size());
        return o.toString();
    }
}
