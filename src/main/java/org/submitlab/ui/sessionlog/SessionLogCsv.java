package org.submitlab.ui.sessionlog;

import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The session log as CSV: one record per transcript line, with its session's device, mailbox and outcome. */
final class SessionLogCsv {

    static final String[] HEADER = {"sessionId", "started", "device", "clientAddress", "mailbox", "outcome", "time",
        "direction", "line"};

    private SessionLogCsv() {
    }

    static void write(List<SessionEntry> sessions, SessionLogViewModel vm, Appendable out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        for (SessionEntry s : sessions) {
            for (SessionLogViewModel.Line l : vm.lines(s.sessionId())) {
                csv.printRecord(s.sessionId(), s.started(), s.client(), s.clientAddress(), s.mailbox(), s.outcome(),
                        l.time(), l.fromClient() ? "C" : "S", l.text());
            }
        }
        csv.flush();
    }
}
