package org.submitlab.app.trace;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A message trace as CSV (RFC 4180, a header line), for a spreadsheet or a ticket. */
public final class TraceCsv {

    static final List<String> HEADER = List.of("time", "kind", "status", "mailbox", "client", "sessionId",
            "envelopeFrom", "envelopeTo", "messageId", "recipient", "deliverAt", "reply", "reason", "size");

    private TraceCsv() {
    }

    /** Writes the rows to {@code out}, flushed and left open (it may be standard output). */
    public static void write(List<TraceRow> rows, Appendable out) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();
        CSVPrinter csv = new CSVPrinter(out, format);
        for (TraceRow r : rows) {
            csv.printRecord(r.time(), r.kind().name().toLowerCase(Locale.ROOT), r.status().key(), r.mailbox(),
                    r.client(), r.sessionId(), r.envelopeFrom(), String.join(" ", r.envelopeTo()), r.messageId(),
                    r.recipient().orElse(""), r.deliverAt().map(Instant::toString).orElse(""), r.reply(),
                    r.reason().orElse(""), r.size());
        }
        csv.flush();
    }
}
