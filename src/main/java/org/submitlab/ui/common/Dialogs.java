package org.submitlab.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The console's yes-or-no question before anything that cannot be undone. */
public final class Dialogs {

    private Dialogs() {
    }

    /** Asks {@code header} with {@code text} below it; true when the user chose OK. */
    public static boolean confirm(Window owner, String header, String text) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText(header);
        a.initOwner(owner);
        return a.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }
}
