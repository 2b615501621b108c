package org.submitlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.submitlab.app.explain.Explainer;
import org.submitlab.app.explain.Explanation;
import org.submitlab.app.explain.WindowFrees;
import org.submitlab.policy.LabClock;
import org.submitlab.policy.Mailbox;
import org.submitlab.server.SubmissionServer;
import org.submitlab.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code explain TEXT}: what a reply a device logged means, whether to retry, and what to do. */
@Command(name = "explain", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Explains a reply a device logged: the reply as Exchange Online sends it, its cause, the phase "
                + "that gives it, whether and when to retry, the remedies, and where in SubmitLab to look.",
            "Sees through client wrappers (nodemailer, Python's smtplib, Postfix, NDRs) and Microsoft's [host time "
                    + "session] suffix. TEXT may be several words; '-' reads it from standard input.",
            "With --json: one object (recognized, code, enhanced, reply, title, cause, phase, retry, retryWhen, "
                    + "remedies, look, kind, wrapper, host, time, session)."})
public final class ExplainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The reply line, as the device logged it.")
    List<String> words;

    @Option(names = "--json", description = "One JSON object instead of text.")
    boolean json;

    @Option(names = "--mailbox", paramLabel = "ADDRESS",
            description = "The mailbox that got it: a quota refusal then says when its 24-hour window frees "
                    + "(read from Live in --data, or from --run).")
    String mailbox;

    @Option(names = "--run", paramLabel = "ID|latest", description = "With --mailbox: look in this run instead of Live.")
    String run;

    @Mixin
    DataFolderOption data = new DataFolderOption();

    @Override
    public Integer call() throws IOException {
        String text = words.size() == 1 && words.get(0).equals("-")
                ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : String.join(" ", words);
        Explanation e = Explainer.explain(text, windowFrees());
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? new ObjectMapper().writeValueAsString(e.asMap()) : e.asText());
        out.flush();
        return 0;
    }

    /** Where a run's clock stopped (or stands now, while it plays). */
    private java.time.Instant endOf(String id) {
        org.submitlab.app.RunInfo info = new org.submitlab.app.Runs(data.folder()).find(id);
        return info.simulatedEnd() != null ? info.simulatedEnd() : LabClock.system().instant();
    }

    private Optional<java.time.Instant> windowFrees() {
        if (mailbox == null) {
            return Optional.empty();
        }
        String address;
        try {
            address = Mailbox.normalize(mailbox);
        } catch (IllegalArgumentException ex) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--mailbox: " + ex.getMessage());
        }
        try (Store store = data.openWorldReadOnly(run)) {
            LabClock clock = run == null ? LabClock.system()
                    : org.submitlab.policy.ScaledClock.stoppedAt(endOf(run), 1);
            return SubmissionServer.statusFromStore(store, clock).stream().filter(m -> m.address().equals(address))
                    .findFirst().flatMap(WindowFrees::of);
        }
    }
}
