package org.submitlab.ui.explain;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.submitlab.app.explain.Explainer;
import org.submitlab.app.explain.Explanation;
import org.submitlab.ui.common.PanelLayout;

/**
 * The helpdesk's paste box: paste the line a device logged (wrapped by its client or not) and read
 * what it means, whether to retry, what to do and where to look.
 */
public final class ExplainPanel {

    private final TextArea input = new TextArea();
    private final TextArea answer = new TextArea();
    private final Label verdict = new Label();
    private final BorderPane root = new BorderPane();

    public ExplainPanel() {
        input.setId("explain-input");
        input.setPromptText("Paste a reply or a device's error line, e.g. \"Error: Message failed: 432 4.3.2 "
                + "Concurrent connections limit exceeded. …\" or \"smtplib.SMTPDataError: (554, b'5.2.0 …')\"");
        input.setWrapText(true);
        input.setPrefRowCount(4);
        answer.setId("explain-answer");
        answer.setEditable(false);
        answer.setWrapText(true);
        answer.getStyleClass().add("explanation");
        verdict.setId("explain-verdict");
        verdict.getStyleClass().add("panel-subtitle");
        PauseTransition debounce = new PauseTransition(Duration.millis(200));
        debounce.setOnFinished(e -> show());
        input.textProperty().addListener((o, a, b) -> debounce.playFromStart());
        VBox top = new VBox(6, input, verdict);
        top.setPadding(new Insets(0, 0, 8, 0));
        PanelLayout.fill(root, PanelLayout.help("Paste what the device, its log or a user reported. SubmitLab finds the "
                + "reply inside client wrappers (nodemailer, Python, Postfix, non-delivery reports), with or without "
                + "Microsoft's [host time session] suffix. Right-click any reply in the other tabs to explain it here."),
                new BorderPane(answer, top, null, null, null));
        show();
    }

    public Node node() {
        return root;
    }

    /** Explains {@code text} as if it had been pasted. */
    public void explain(String text) {
        input.setText(text);
        show();
    }

    private void show() {
        String text = input.getText();
        if (text == null || text.isBlank()) {
            verdict.setText("");
            answer.setText("");
            return;
        }
        Explanation e = Explainer.explain(text);
        verdict.setText((e.recognized() ? "Known reply" : "Not a known Exchange Online reply")
                + (e.code().isPresent() ? " \u00b7 " + e.code().get() + e.enhanced().map(x -> " " + x).orElse("") : "")
                + " \u00b7 " + (e.retry() ? "retry" : "do not retry"));
        answer.setText(e.asText());
    }
}
