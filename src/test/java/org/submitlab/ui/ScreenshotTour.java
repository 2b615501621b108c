package org.submitlab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

/**
 * Takes the README screenshots from the real app: runs the printers preset under a real
 * display (Xvfb) and captures the screen with ImageMagick's own {@code import} after showing
 * each panel. Not a test (surefire skips it); run it as described in the README.
 *
 * <pre>
 * Xvfb :99 -screen 0 1360x820x24 &amp;
 * DISPLAY=:99 java -cp target/test-classes:target/classes:$(cat cp.txt) org.submitlab.ui.ScreenshotTour \
 *     assets/screenshots [preset] [seconds before the first shot] [speed]
 * </pre>
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots").toAbsolutePath();
        String preset = args.length > 1 ? args[1] : "printers-sharing-mailbox";
        long warmupSeconds = args.length > 2 ? Long.parseLong(args[2]) : 12;
        double speed = args.length > 3 ? Double.parseDouble(args[3]) : 10;
        Files.createDirectories(out);
        Path data = Files.createTempDirectory("submitlab-tour");
        // The port a new user sees when 587 needs administrator rights (any free one if it is taken).
        ConsoleApp app = new ConsoleApp(new ConsoleOptions(data, org.submitlab.app.DefaultPort.FALLBACK, true, true));
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(() -> {
            app.start(new Stage());
            started.countDown();
        });
        started.await();
        onFx(() -> {
            javafx.stage.Window w = app.window().scene().getWindow();
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
            w.setX(0);
            w.setY(0);
            w.setWidth(screen.getWidth());
            w.setHeight(screen.getHeight());
            return null;
        });
        waitFor("the server", () -> app.window().workspace() != null && app.window().workspace().live().endpoint().isPresent());
        sendAsRealDevices(app);
        waitFor("the scenario list", () -> onFx(() -> !lookup(app, "#scenario-start", Button.class).isDisabled()));
        onFx(() -> {
            javafx.scene.control.ComboBox<?> picker = lookup(app, "#scenario-picker", javafx.scene.control.ComboBox.class);
            if (!preset.equals(picker.getValue())) {
                @SuppressWarnings("unchecked")
                javafx.scene.control.ComboBox<String> p = (javafx.scene.control.ComboBox<String>) picker;
                p.setValue(preset);
            }
            return null;
        });
        Thread.sleep(1500);
        onFx(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<Double> speeds = lookup(app, "#speed", javafx.scene.control.ComboBox.class);
            speeds.setValue(speed);
            lookup(app, "#scenario-start", Button.class).fire();
            return null;
        });
        Thread.sleep(warmupSeconds * 1000);
        String[] names = {"connections", "retries", "recipient-budget", "sent-items", "devices", "session-log"};
        for (int i = 0; i < names.length; i++) {
            int tab = i;
            onFx(() -> {
                app.window().tabs().getSelectionModel().select(tab);
                return null;
            });
            Thread.sleep(400);
            selectInterestingRow(app, names[i]);
            Thread.sleep(1600);
            shoot(out.resolve(String.format("%02d-%s.png", i + 1, names[i])));
        }
        onFx(() -> {
            app.window().tabs().getSelectionModel().select(0);
            lookup(app, "#theme-dark", ToggleButton.class).fire();
            return null;
        });
        Thread.sleep(1500);
        shoot(out.resolve("07-dark-theme.png"));
        onFx(() -> {
            lookup(app, "#presentation-mode", ToggleButton.class).fire();
            lookup(app, "#theme-dark", ToggleButton.class).fire();
            app.window().tabs().getSelectionModel().select(0);
            return null;
        });
        Thread.sleep(2500);
        shoot(out.resolve("08-presentation-mode.png"));
        onFx(() -> {
            lookup(app, "#presentation-mode", ToggleButton.class).fire();
            app.window().tabs().getSelectionModel().select(7);
            TableView<?> t = lookup(app, "#mailboxes-table", TableView.class);
            t.getSelectionModel().select(0);
            return null;
        });
        Thread.sleep(1500);
        shoot(out.resolve("09-live-mailboxes.png"));
        onFx(() -> {
            app.window().tabs().getSelectionModel().select(8);
            return null;
        });
        Thread.sleep(500);
        onFx(() -> {
            app.window().scene().getRoot().lookupAll(".titled-pane").stream()
                    .map(javafx.scene.control.TitledPane.class::cast)
                    .filter(p -> p.getText().equals("Limits")).findFirst().ifPresent(p -> p.setExpanded(true));
            return null;
        });
        Thread.sleep(1500);
        shoot(out.resolve("10-live-tenant.png"));
        onFx(() -> {
            app.window().tabs().getSelectionModel().select(9);
            lookup(app, "#explain-input", javafx.scene.control.TextInputControl.class).setText("Error: Message "
                    + "failed: 432 4.3.2 Concurrent connections limit exceeded. Visit https://aka.ms/concurrent_sending "
                    + "for more information. [AM0PR01MB1234.eurprd01.prod.exchangelabs.com 2026-12-02T09:14:05.120Z "
                    + "08DD3DD7D75D7743]");
            return null;
        });
        Thread.sleep(1500);
        shoot(out.resolve("11-explain.png"));
        onFx(() -> {
            app.window().tabs().getSelectionModel().select(6);
            javafx.scene.Node content = app.window().tabs().getTabs().get(6).getContent();
            ((javafx.scene.control.TextField) content.lookup("#trace-sender")).setText("printer@contoso.test");
            ((javafx.scene.control.Button) content.lookup("#trace-find")).fire();
            return null;
        });
        Thread.sleep(2000);
        shoot(out.resolve("12-trace.png"));
        onFx(() -> {
            app.window().select(org.submitlab.app.LiveWorld.ID);
            return null;
        });
        Thread.sleep(1500);
        onFx(() -> {
            app.window().tabs().getSelectionModel().select(4);
            return null;
        });
        Thread.sleep(3000);
        shoot(out.resolve("13-devices-seen.png"));
        onFx(() -> {
            app.window().tabs().getSelectionModel().select(3);
            return null;
        });
        Thread.sleep(1500);
        onFx(() -> {
            @SuppressWarnings("unchecked")
            TableView<org.submitlab.ui.sentitems.SentItemRow> t = lookup(app, "#sent-items-table", TableView.class);
            t.getItems().stream().filter(r -> r.subject().equals("December newsletter")).findFirst()
                    .ifPresent(r -> t.getSelectionModel().select(r));
            return null;
        });
        Thread.sleep(1500);
        onFx(() -> {
            javafx.scene.control.TabPane detail = lookup(app, "#message-detail", javafx.scene.control.TabPane.class);
            detail.getTabs().stream().filter(x -> "tab-html".equals(x.getId())).findFirst()
                    .ifPresent(x -> detail.getSelectionModel().select(x));
            return null;
        });
        Thread.sleep(2500);
        shoot(out.resolve("14-sent-items-html.png"));
        org.submitlab.ui.compare.CompareWindow[] compared = new org.submitlab.ui.compare.CompareWindow[1];
        onFx(() -> {
            app.window().openComparison(org.submitlab.app.compare.RemedyPairs.byId("printers"), 60)
                    .thenAccept(w -> compared[0] = w);
            return null;
        });
        waitFor("the comparison", () -> compared[0] != null && onFx(() -> compared[0].result().isPresent()));
        onFx(() -> {
            javafx.stage.Stage st = compared[0].stage();
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
            st.setX(0);
            st.setY(0);
            st.setWidth(screen.getWidth());
            st.setHeight(screen.getHeight());
            compared[0].timelineA().follow().setSelected(false);
            compared[0].timelineB().follow().setSelected(false);
            return null;
        });
        Thread.sleep(1500);
        onFx(() -> {
            compared[0].stage().getScene().getRoot().lookupAll("#timeline-fit").forEach(
                    n -> ((javafx.scene.control.Button) n).fire());
            return null;
        });
        Thread.sleep(2000);
        shoot(out.resolve("15-compare.png"));
        Platform.runLater(() -> {
            try {
                app.stop();
            } finally {
                Platform.exit();
            }
        });
        Thread.sleep(1500);
        System.exit(0);
    }

    /** Two real devices on Live, as an office has them: a scanner with a password, an app with a token. */
    private static void sendAsRealDevices(ConsoleApp app) throws Exception {
        org.submitlab.app.LiveWorld live = app.window().workspace().live();
        org.submitlab.app.Endpoint e = live.endpoint().orElseThrow();
        try (org.submitlab.testing.MailClient c = new org.submitlab.testing.MailClient(e.host(), e.port(),
                "scanner@contoso.test", org.submitlab.app.DemoTenant.PASSWORD, "LOGIN", "mfp-floor2")) {
            c.send("scanner@contoso.test", "frontdesk@contoso.test", "Scan 0142", "<scan-0142@contoso.test>");
        }
        String token = live.mailboxes().issueToken("alerts@contoso.test").token();
        try (org.submitlab.testing.MailClient c = new org.submitlab.testing.MailClient(e.host(), e.port(),
                "alerts@contoso.test", token, "XOAUTH2", "monitoring-01")) {
            c.send("alerts@contoso.test", "oncall@contoso.test", "Disk 91% on fs01", "<alert-1@contoso.test>");
        }
        try (org.submitlab.testing.MailClient c = new org.submitlab.testing.MailClient(e.host(), e.port(),
                "newsletter@contoso.test", org.submitlab.app.DemoTenant.PASSWORD, "LOGIN", "crm-01")) {
            c.sendRaw(String.join("\r\n", "From: Contoso News <newsletter@contoso.test>", "To: staff@contoso.test",
                    "Subject: December newsletter", "Message-ID: <news-12@contoso.test>", "MIME-Version: 1.0",
                    "Content-Type: text/html; charset=UTF-8", "",
                    "<html><body><h1>Contoso News</h1><img src=\"https://tracker.example/p.gif?u=staff\">",
                    "<p>Basic authentication for SMTP AUTH is <b>off by default</b> from the end of December.",
                    "Printers that log in with a password stop sending.</p><script>alert('hi')</script>",
                    "<p><a href=\"https://contoso.example/oauth-printers\">How to move a printer to OAuth</a></p>",
                    "</body></html>", "").getBytes(java.nio.charset.StandardCharsets.UTF_8), "staff@contoso.test");
        }
    }

    private static void selectInterestingRow(ConsoleApp app, String panel) throws Exception {
        String id = switch (panel) {
            case "connections" -> "#connections-table";
            case "retries" -> "#retries-table";
            case "recipient-budget" -> "#budget-table";
            case "sent-items" -> "#sent-items-table";
            case "session-log" -> "#session-table";
            default -> null;
        };
        if (id == null) {
            return;
        }
        onFx(() -> {
            TableView<?> t = lookup(app, id, TableView.class);
            int row = 0;
            if (panel.equals("session-log")) {
                for (int i = 0; i < t.getItems().size(); i++) {
                    if (t.getItems().get(i).toString().contains("REFUSED")) {
                        row = i;
                        break;
                    }
                }
            }
            if (panel.equals("connections") || panel.equals("recipient-budget")) {
                for (int i = 0; i < t.getItems().size(); i++) {
                    if (t.getItems().get(i).toString().contains("printer@")) {
                        row = i;
                        break;
                    }
                }
            }
            if (!t.getItems().isEmpty()) {
                t.getSelectionModel().select(row);
                t.requestFocus();
            }
            return null;
        });
    }

    private static <T> T lookup(ConsoleApp app, String selector, Class<T> type) {
        return type.cast(app.window().scene().lookup(selector));
    }

    private static void shoot(Path file) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/import", "-window", "root", file.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
        System.out.println("saved " + file);
    }

    private static void waitFor(String what, Supplier<Boolean> condition) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting for " + what);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(work.call());
            } catch (Exception e) {
                error.set(e);
            } finally {
                done.countDown();
            }
        });
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (error.get() != null) {
            throw new IllegalStateException(error.get());
        }
        return result.get();
    }
}
