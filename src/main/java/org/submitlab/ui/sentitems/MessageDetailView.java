package org.submitlab.ui.sentitems;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebView;
import javafx.stage.FileChooser;
import org.submitlab.ui.common.BackgroundTasks;
import org.submitlab.ui.common.Formats;
import org.submitlab.ui.common.OpenFileRequest;
import org.submitlab.ui.common.Tables;

/**
 * One message: summary with envelope beside header recipients, headers, the text body, the HTML body rendered
 * safely ({@link SafeHtml}, in a WebView with JavaScript off, made when first shown) and as source,
 * attachments to open or save, raw source.
 */
public final class MessageDetailView {

    private static final String EMPTY_TEXT = "Select a message to see its envelope, headers, body and raw source.";

    private final ZoneId zone;
    private final BackgroundTasks background;
    private final TabPane tabs = new TabPane();
    private final GridPane summary = new GridPane();
    private final TableView<MessageDetails.Header> headers = new TableView<>();
    private final TextArea text = area();
    private final TextArea html = area();
    private final Tab rendered = new Tab("HTML");
    private final Label renderedNote = new Label();
    private final BorderPane renderedPane = new BorderPane();
    private WebView web;
    private SafeHtml.Rendered page;
    private final ListView<MessageDetails.Attachment> attachments = new ListView<>();
    private final Button openAttachment = new Button("Open");
    private final Button saveAttachment = new Button("Save\u2026");
    private final Label attachmentStatus = new Label();
    private final TextArea raw = area();
    private final Label empty = Tables.emptyState(EMPTY_TEXT);
    private final StackPane root = new StackPane();

    public MessageDetailView(ZoneId zone, BackgroundTasks background) {
        this.zone = zone;
        this.background = background;
        tabs.setId("message-detail");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        summary.setHgap(12);
        summary.setVgap(6);
        summary.setPadding(new Insets(10));
        summary.setId("message-summary");
        TableColumn<MessageDetails.Header, String> name = Tables.column("Header", 160, MessageDetails.Header::name);
        TableColumn<MessageDetails.Header, String> value = Tables.column("Value", 520, MessageDetails.Header::value);
        headers.getColumns().setAll(List.of(name, value));
        headers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        headers.setPlaceholder(Tables.emptyState("No headers."));
        raw.getStyleClass().add("monospace");
        html.getStyleClass().add("monospace");
        attachments.setPlaceholder(Tables.emptyState("No attachments."));
        attachments.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(MessageDetails.Attachment a, boolean isEmpty) {
                super.updateItem(a, isEmpty);
                setText(isEmpty || a == null ? null : a.fileName() + "  (" + a.contentType() + ", " + Formats.bytes(a.size()) + ")");
            }
        });
        attachments.setId("message-attachments");
        attachments.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> updateAttachmentButtons());
        attachments.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected();
            }
        });
        openAttachment.setId("attachment-open");
        openAttachment.setTooltip(new Tooltip("Open with the application your system uses for this kind of file."));
        openAttachment.setOnAction(e -> openSelected());
        saveAttachment.setId("attachment-save");
        saveAttachment.setOnAction(e -> chooseSaveFile());
        attachmentStatus.setId("attachment-status");
        attachmentStatus.getStyleClass().add("panel-help");
        attachmentStatus.setWrapText(true);
        HBox attachmentBar = new HBox(8, openAttachment, saveAttachment, attachmentStatus);
        attachmentBar.setAlignment(Pos.CENTER_LEFT);
        attachmentBar.setPadding(new Insets(6, 0, 0, 0));
        HBox.setHgrow(attachmentStatus, Priority.ALWAYS);
        BorderPane attachmentPane = new BorderPane(attachments);
        attachmentPane.setBottom(attachmentBar);
        updateAttachmentButtons();
        renderedNote.setId("html-note");
        renderedNote.getStyleClass().add("panel-help");
        renderedNote.setWrapText(true);
        renderedNote.setPadding(new Insets(4, 6, 4, 6));
        renderedPane.setTop(renderedNote);
        rendered.setContent(renderedPane);
        rendered.setId("tab-html");
        rendered.selectedProperty().addListener((o, a, selected) -> {
            if (selected) {
                showPage();
            }
        });
        tabs.getTabs().setAll(List.of(
                new Tab("Summary", scroll(summary)),
                new Tab("Headers", headers), new Tab("Text", text), rendered, new Tab("HTML source", html),
                new Tab("Attachments", attachmentPane), new Tab("Raw source", raw)));
        root.getChildren().setAll(empty);
    }

    /** The rendered HTML body, loaded into the WebView only while its tab is shown (a WebView is costly). */
    private void showPage() {
        if (page == null) {
            renderedPane.setCenter(Tables.emptyState("This message has no HTML part."));
            renderedNote.setText("");
            return;
        }
        if (web == null) {
            web = new WebView();
            web.setId("html-view");
            web.setContextMenuEnabled(false);
            web.getEngine().setJavaScriptEnabled(false);
        }
        renderedNote.setText(page.note());
        renderedPane.setCenter(web);
        web.getEngine().loadContent(page.document(), "text/html");
    }

    /** The page the HTML tab shows, sanitized; null when the message has no HTML part. */
    public SafeHtml.Rendered renderedPage() {
        return page;
    }

    /** The WebView, once the HTML tab has been shown. */
    public WebView webView() {
        return web;
    }

    public ListView<MessageDetails.Attachment> attachments() {
        return attachments;
    }

    private void updateAttachmentButtons() {
        MessageDetails.Attachment a = attachments.getSelectionModel().getSelectedItem();
        saveAttachment.setDisable(a == null);
        openAttachment.setDisable(a == null || AttachmentFiles.runsCode(a.fileName()));
        attachmentStatus.setText(a != null && AttachmentFiles.runsCode(a.fileName())
                ? AttachmentFiles.safeName(a.fileName()) + " could run code if opened: save it and have it scanned instead."
                : "");
    }

    private void openSelected() {
        MessageDetails.Attachment a = attachments.getSelectionModel().getSelectedItem();
        if (a == null || AttachmentFiles.runsCode(a.fileName())) {
            return;
        }
        background.run(() -> AttachmentFiles.writeForOpening(AttachmentFiles.openFolder(), a), file -> {
            attachmentStatus.setText("Opened " + file);
            attachments.fireEvent(new OpenFileRequest(file));
        }, e -> attachmentStatus.setText("Could not open " + a.fileName() + ": " + e.getMessage()));
    }

    private void chooseSaveFile() {
        MessageDetails.Attachment a = attachments.getSelectionModel().getSelectedItem();
        if (a == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save attachment");
        chooser.setInitialFileName(AttachmentFiles.safeName(a.fileName()));
        java.io.File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            save(a, file.toPath());
        }
    }

    /** Writes the attachment's decoded content to {@code target}, in the background. */
    public CompletableFuture<Path> save(MessageDetails.Attachment a, Path target) {
        return background.run(() -> Files.write(target, a.data()), p -> attachmentStatus.setText("Saved " + p),
                e -> attachmentStatus.setText("Could not save " + a.fileName() + ": " + e.getMessage()));
    }

    private static javafx.scene.control.ScrollPane scroll(Node content) {
        javafx.scene.control.ScrollPane p = new javafx.scene.control.ScrollPane(content);
        p.setFitToWidth(true);
        return p;
    }

    private static TextArea area() {
        TextArea a = new TextArea();
        a.setEditable(false);
        a.setWrapText(true);
        return a;
    }

    public Node node() {
        return root;
    }

    public TabPane tabs() {
        return tabs;
    }

    public void clear() {
        page = null;
        empty.setText(EMPTY_TEXT);
        root.getChildren().setAll(empty);
    }

    public void showLoading() {
        empty.setText("Loading the message\u2026");
        root.getChildren().setAll(empty);
    }

    /**
     * With the deliveries that failed (recipient to the non-delivery report's reply), marked beside their address,
     * and the HTML body as {@link SafeHtml} made it (null when the message has none), both read off the FX thread.
     */
    public void show(SentItemRow row, MessageDetails d, Map<String, String> failed, SafeHtml.Rendered safeHtml) {
        summary.getChildren().clear();
        int r = 0;
        r = row(r, "Subject", d.subject().isEmpty() ? row.subject() : d.subject());
        r = row(r, "Accepted", Formats.dateTime(row.time(), zone));
        r = row(r, "Mailbox (authenticated)", row.mailbox());
        r = row(r, "Client", row.clientAddress() + ", session " + row.sessionId());
        r = row(r, "Envelope sender (MAIL FROM)", row.envelopeFrom());
        r = row(r, "Header From", d.from());
        VBox env = new VBox(2, bold("Envelope recipients (RCPT TO)"), help("Where the message is delivered."));
        for (String a : row.envelopeTo()) {
            String failure = failed.get(a.trim().toLowerCase(Locale.ROOT));
            Label l = new Label(failure == null ? a : a + "  \u2014 not delivered (NDR): " + failure);
            if (failure != null) {
                l.getStyleClass().add("form-error");
                l.setWrapText(true);
            }
            env.getChildren().add(l);
        }
        VBox hdr = new VBox(2, bold("Header recipients (To, Cc, Bcc)"), help("What the people who receive it see."));
        d.to().forEach(a -> hdr.getChildren().add(new Label("To: " + a)));
        d.cc().forEach(a -> hdr.getChildren().add(new Label("Cc: " + a)));
        d.bcc().forEach(a -> hdr.getChildren().add(new Label("Bcc: " + a)));
        if (hdr.getChildren().size() == 2) {
            hdr.getChildren().add(new Label("(none)"));
        }
        javafx.scene.layout.HBox both = new javafx.scene.layout.HBox(32, env, hdr);
        both.getStyleClass().add("recipients-compare");
        summary.add(both, 0, r++, 2, 1);
        Label note = new Label("Delivery follows the envelope: a message goes to its RCPT TO addresses only, "
                + "never to addresses that appear only in the headers.");
        note.setWrapText(true);
        note.getStyleClass().add("panel-help");
        summary.add(note, 0, r++, 2, 1);
        r = row(r, "Size", Formats.bytes(row.size()));
        row(r, "Attachments", d.attachments().isEmpty() ? "none" : Integer.toString(d.attachments().size()));
        headers.getItems().setAll(d.headers());
        text.setText(d.text().isEmpty() ? "(no text part)" : d.text());
        html.setText(d.html().isEmpty() ? "(no HTML part)" : d.html());
        page = safeHtml;
        if (rendered.isSelected()) {
            showPage();
        }
        attachments.getItems().setAll(d.attachments());
        attachmentStatus.setText("");
        raw.setText(d.rawTruncated() ? d.raw() + "\n\n(cut here for display; Export .eml writes the whole message)" : d.raw());
        root.getChildren().setAll(tabs);
    }

    private int row(int r, String name, String value) {
        summary.add(bold(name), 0, r);
        Label v = new Label(value);
        v.setWrapText(true);
        GridPane.setHgrow(v, Priority.ALWAYS);
        summary.add(v, 1, r);
        return r + 1;
    }

    private static Label help(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("panel-help");
        return l;
    }

    private static Label bold(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("field-name");
        return l;
    }
}
