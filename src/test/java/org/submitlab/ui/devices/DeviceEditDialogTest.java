package org.submitlab.ui.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.submitlab.sim.Device;
import org.submitlab.sim.Scenarios;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The device editor keeps what the user typed when an edit is refused, and says why. */
class DeviceEditDialogTest {

    private static final Device PRINTER = Scenarios.preset("printers-sharing-mailbox").devices().get(0);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    @Test
    void anEmptyNameIsRefusedInTheDialogWithoutLosingTheOtherEdits() throws Exception {
        Dialog<ScenarioDraft.Edit> d = fx(() -> {
            Dialog<ScenarioDraft.Edit> dialog = DeviceEditDialog.create(null, "Edit", PRINTER, "mfp-01",
                    List.of("printer@contoso.test"), e -> Optional.empty());
            dialog.show();
            return dialog;
        });
        TextField name = fx(() -> (TextField) d.getDialogPane().lookupAll(".text-field").iterator().next());

        fx(() -> {
            name.setText("   ");
            ((javafx.scene.control.Button) d.getDialogPane().lookupButton(ButtonType.OK)).fire();
            return null;
        });

        assertThat(fx(() -> d.isShowing())).isTrue();
        assertThat(fx(() -> error(d).getText())).isEqualTo("A device needs a name.");
        assertThat(fx(() -> name.getText())).isEqualTo("   ");
        fx(() -> {
            name.setText("mfp-11");
            ((javafx.scene.control.Button) d.getDialogPane().lookupButton(ButtonType.OK)).fire();
            return null;
        });
        assertThat(fx(() -> d.isShowing())).isFalse();
        assertThat(fx(() -> d.getResult()).name()).isEqualTo("mfp-11");
    }

    @Test
    void anEditTheScenarioRefusesShowsItsReasonAndStaysOpen() throws Exception {
        Dialog<ScenarioDraft.Edit> d = fx(() -> {
            Dialog<ScenarioDraft.Edit> dialog = DeviceEditDialog.create(null, "Edit", PRINTER, "mfp-02",
                    List.of("printer@contoso.test"), e -> Optional.of("a device named mfp-02 exists already"));
            dialog.show();
            return dialog;
        });

        fx(() -> {
            ((javafx.scene.control.Button) d.getDialogPane().lookupButton(ButtonType.OK)).fire();
            return null;
        });

        assertThat(fx(() -> d.isShowing())).isTrue();
        assertThat(fx(() -> error(d).getText())).isEqualTo("a device named mfp-02 exists already");
        fx(() -> {
            d.close();
            return null;
        });
    }

    private static Label error(Dialog<?> d) {
        Node n = d.getDialogPane().lookup("#device-edit-error");
        return (Label) n;
    }
}
