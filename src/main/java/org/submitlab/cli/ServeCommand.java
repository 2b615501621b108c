package org.submitlab.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.app.DefaultPort;
import org.submitlab.app.Endpoint;
import org.submitlab.app.ListenException;
import org.submitlab.app.ListenOptions;
import org.submitlab.app.LiveWorld;
import org.submitlab.concurrent.NamedThreads;
import org.submitlab.policy.EndpointKind;
import org.submitlab.policy.TenantSettings;
import org.submitlab.server.tls.TlsIdentity;
import org.submitlab.server.tls.TlsMaterial;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code serve}: runs the submission endpoint until SIGTERM or Ctrl-C. */
@Command(name = "serve", sortOptions = false, modelTransformer = SettingOptions.class,
        description = {"Runs the SMTP submission endpoint until stopped with SIGTERM or Ctrl-C.",
            "Creates or updates the mailboxes given and applies the settings given to the whole tenant "
                    + "(they are kept in the data folder; 'submitlab tenant show' lists them).",
            "Prints one line 'listening on HOST:PORT' on standard output once it accepts connections."})
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--port", paramLabel = "N",
            description = "Port; 0 picks a free one (default: 587 where it can be bound, else 2587).")
    Integer port;

    @Mixin
    DataFolderOption data = new DataFolderOption();

    @Option(names = "--mailbox-file", paramLabel = "FILE",
            description = {"Create or update the mailboxes in FILE, one ADDRESS:PASSWORD per line (# starts a comment).",
                "The safe way: unlike --mailbox, the passwords do not show in the process list.",
                "Refused when other users may read the file (chmod 600 FILE)."})
    Path mailboxFile;

    @Option(names = "--mailbox", paramLabel = "ADDRESS:PASSWORD",
            description = {"Create the mailbox, or set its password if it exists. Repeatable.",
                "Every user of the machine can see the password in the process list: prefer --mailbox-file."})
    List<String> mailboxes = new ArrayList<>();

    @Option(names = "--endpoint", paramLabel = "standard|legacy|hve", defaultValue = "standard",
            description = {"Which Exchange Online endpoint to play (default: ${DEFAULT-VALUE}): standard "
                    + "(smtp.office365.com: TLS 1.0/1.1 clients get 421 4.7.66), legacy (smtp-legacy.office365.com: "
                    + "they may send), hve (High Volume Email: internal recipients only, 50 per message, no Sent "
                    + "Items, works where SMTP AUTH is off for the tenant)."})
    String endpointKind;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "Your own PKCS#12 certificate and key (default: a self-signed one kept in the data folder).")
    Path tlsKeystore;

    @Option(names = "--tls-password", paramLabel = "PASS", defaultValue = "${env:SUBMITLAB_TLS_PASSWORD}",
            description = "Password of --tls-keystore (default: the SUBMITLAB_TLS_PASSWORD environment variable,"
                    + " which, unlike an argument, other users cannot see in the process list).")
    String tlsPassword;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        InetAddress bindAddress = bindAddress();
        if (port != null && (port < 0 || port > 65_535)) {
            throw new ParameterException(cl, "--port must be between 0 and 65535, was " + port);
        }
        List<MailboxSpec> specs = new ArrayList<>(argument(() -> mailboxes.stream().map(MailboxSpec::parse).toList()));
        if (mailboxFile != null) {
            specs.addAll(argument(() -> MailboxFile.read(mailboxFile)));
        }
        SettingOptions.apply(spec, TenantSettings.defaults());
        EndpointKind kind = argument(() -> EndpointKind.byId(endpointKind));
        TlsIdentity ssl = tlsIdentity();
        Path folder = data.folder();
        int chosenPort = port != null ? port : DefaultPort.choose(bindAddress, err);

        LiveWorld live = LiveWorld.open(folder);
        try {
            configure(live, specs);
            live.startServer(new ListenOptions(bindAddress, chosenPort, false, Optional.ofNullable(ssl), kind));
        } catch (RuntimeException e) {
            live.close();
            throw listenFailure(e);
        }
        Endpoint endpoint = live.endpoint().orElseThrow();
        err.println("SubmitLab: Live data in " + folder.toAbsolutePath() + ", profile " + live.settings().profile()
                + ", " + kind + " endpoint, " + live.mailboxAddresses().size() + " mailbox(es)");

        Runnable shutdown = new Shutdown(live);
        StopSignal signal = new StopSignal().install();
        Thread hook = new NamedThreads("submitlab-shutdown").newThread(shutdown);
        Runtime.getRuntime().addShutdownHook(hook);
        err.flush();
        out.println("listening on " + endpoint.host() + ":" + endpoint.port());
        out.flush();

        String received = signal.await();
        err.println("stopping (" + received + ")");
        err.flush();
        shutdown.run();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway and finds nothing left to do
        }
        err.println("stopped");
        err.flush();
        return 0;
    }

    /** Saves the settings and mailboxes given into Live. */
    private void configure(LiveWorld live, List<MailboxSpec> specs) {
        TenantSettings current = live.settings();
        TenantSettings given = SettingOptions.apply(spec, current);
        if (!given.equals(current)) {
            live.updateSettings(given); // a commit (an fsync) only when an option changed something
        }
        for (MailboxSpec m : specs) {
            live.saveMailbox(m.applyTo(live.store().mailboxes().find(m.address())));
        }
    }

    /** What to do about a failed listen, in the command line's words. */
    private static RuntimeException listenFailure(RuntimeException e) {
        if (e instanceof ListenException le) {
            return new CommandFailure(le.getMessage() + switch (le.why()) {
                case NOT_AN_ADDRESS_HERE -> " (use 127.0.0.1, 0.0.0.0 or one of this machine's addresses for --bind)";
                case PORT_TAKEN -> ": choose another --port, or --port 0 for a free one";
            });
        }
        return e;
    }

    private InetAddress bindAddress() {
        try {
            return InetAddress.getByName(bind.trim());
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--bind: unknown address '" + bind + "'");
        }
    }

    private TlsIdentity tlsIdentity() {
        CommandLine cl = spec.commandLine();
        if (tlsKeystore == null && tlsPassword == null) {
            return null;
        }
        if (tlsKeystore == null || tlsPassword == null) {
            throw new ParameterException(cl, "--tls-keystore FILE and --tls-password PASS go together");
        }
        if (!Files.isRegularFile(tlsKeystore)) {
            throw new ParameterException(cl, "--tls-keystore: no such file " + tlsKeystore.toAbsolutePath());
        }
        try {
            return TlsMaterial.identityFromPkcs12(tlsKeystore, tlsPassword.toCharArray());
        } catch (RuntimeException e) {
            throw new ParameterException(cl, "--tls-keystore: " + e.getMessage());
        }
    }

    /** Runs a parse or check; its IllegalArgumentException becomes a bad-argument error. */
    private <T> T argument(Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Stops the server, then closes Live (which drains pending writes); runs once. */
    private static final class Shutdown implements Runnable {
        private final AtomicBoolean done = new AtomicBoolean();
        private final LiveWorld live;

        Shutdown(LiveWorld live) {
            this.live = live;
        }

        @Override
        public void run() {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            try {
                live.close();
            } catch (RuntimeException e) {
                LOG.warn("stopping: {}", e.toString());
            }
        }
    }
}
