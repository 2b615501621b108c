package org.submitlab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code submitlab serve} running as a child JVM, the way a user or a script starts it. */
final class ServeProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (.+):(\\d+)");

    private final Process process;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();
    private final CountDownLatch listening = new CountDownLatch(1);
    private final Thread outReader;
    private final Thread errReader;
    private volatile String host;
    private volatile int port;

    private ServeProcess(Process process) {
        this.process = process;
        this.outReader = pump(process.getInputStream(), out, true, "serve-stdout");
        this.errReader = pump(process.getErrorStream(), err, false, "serve-stderr");
    }

    /** Starts {@code serve --port 0 --data DATA EXTRA...} and waits for its {@code listening on} line. */
    static ServeProcess start(Path data, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "org.submitlab.Main", "serve", "--port", "0", "--data", data.toString()));
        command.addAll(List.of(extra));
        ServeProcess p = new ServeProcess(new ProcessBuilder(command).start());
        if (!p.listening.await(30, TimeUnit.SECONDS)) {
            p.process.destroyForcibly();
            throw new IllegalStateException("serve did not print 'listening on' within 30 s; stderr: " + p.err);
        }
        return p;
    }

    String host() {
        return host;
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    /** SIGTERM, then waits for the exit; returns the exit code. */
    int terminate() throws InterruptedException {
        // Through the handle: Process.destroy() would also close our end of the pipes and lose the last lines.
        process.toHandle().destroy();
        return waitForExit();
    }

    /** SIGKILL, then waits for the exit. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        waitForExit();
    }

    List<String> stdout() {
        return List.copyOf(out);
    }

    List<String> stderr() {
        return List.copyOf(err);
    }

    private int waitForExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("serve did not exit within 30 s");
        }
        outReader.join(5_000);
        errReader.join(5_000);
        return process.exitValue();
    }

    private Thread pump(InputStream in, List<String> lines, boolean watchForListening, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (watchForListening && m.matches() && listening.getCount() > 0) {
                        host = m.group(1);
                        port = Integer.parseInt(m.group(2));
                        listening.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
