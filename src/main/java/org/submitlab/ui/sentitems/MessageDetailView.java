package org.submitlab.ui.sentitems;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.submitlab.ui.common.Formats;
import org.submitlab.ui.common.Tables;

/** One message: summary with envelope beside header recipients, headers, bodies, attachments, raw source. */
public final class MessageDetailView {

    private static final String EMPTY_TEXT = "Select a message to see its envelope, headers, body and raw source.";

    private final ZoneId zone;
    private final TabPane tabs = new TabPane();
    private final GridPane summary = new GridPane();
    private final TableView<MessageDetails.Header> headers = new TableView<>();
    private final TextArea text = area();
    private final TextArea html = area();
    private final ListView<MessageDetails.Attachment> attachments = new ListView<>();
    private final TextArea raw = area();
    private final Label empty = Tables.emptyState(EMPTY_TEXT);
    private final StackPane root = new StackPane();

    public MessageDetailView(ZoneId zone) {
        this.zone = zone;
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
        tabs.getTabs().setAll(List.of(
                new Tab("Summary", scroll(summary)),
                new Tab("Headers", headers), new Tab("Text", text), new Tab("HTML source", html),
                new Tab("Attachments", attachments), new Tab("Raw source", raw)));
        root.getChildren().setAll(empty);
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
        empty.setText(EMPTY_TEXT);
        root.getChildren().setAll(empty);
    }

    public void showLoading() {
        empty.setText("Loading the message\u2026");
        root.getChildren().setAll(empty);
    }

    public void show(SentItemRow row, MessageDetails d) {
        show(row, d, Map.of());
    }

    /** With the deliveries that failed (recipient to the non-delivery report's reply), marked beside their address. */
    public void show(SentItemRow row, MessageDetails d, Map<String, String> failed) {
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
        attachments.getItems().setAll(d.attachments());
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
