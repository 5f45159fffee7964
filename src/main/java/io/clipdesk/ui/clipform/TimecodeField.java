package io.clipdesk.ui.clipform;

import io.clipdesk.ui.form.Timecode;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * An in or out mark as a field: shows the mark's timecode, takes a typed one on Enter or when the focus leaves, and
 * nudges the mark with ↑/↓ (a frame; with Shift a second). Editing the text clears the form's last message; a text
 * that is not a time leaves the mark as it was and says why in the form's message area.
 */
public final class TimecodeField extends TextField {

    private final ClipFormViewModel form;
    private final ClipFormViewModel.Side side;
    private final ObservableValue<String> shown;
    private boolean showing;

    TimecodeField(ClipFormViewModel form, ClipFormViewModel.Side side, ObservableValue<String> shown) {
        this.form = form;
        this.side = side;
        this.shown = shown;
        String word = side == ClipFormViewModel.Side.IN ? "In" : "Out";
        setId(side == ClipFormViewModel.Side.IN ? "form-in" : "form-out");
        getStyleClass().addAll("timecode-field", "mark-value");
        setPromptText("HH:MM:SS.ff");
        setPrefColumnCount(11);
        setAccessibleText(word + " point, wall-clock time");
        setAccessibleHelp("Type HH:MM:SS.ff (frames) or HH:MM:SS.mmm and press Enter; up and down arrows move it"
                + " by a frame, with Shift by a second.");
        setTooltip(new Tooltip(word + " point: type HH:MM:SS.ff or HH:MM:SS.mmm, Enter to set; ↑/↓ a frame,"
                + " Shift+↑/↓ a second; " + (side == ClipFormViewModel.Side.IN ? "I" : "O") + " sets it at the"
                + " picture, Shift+" + (side == ClipFormViewModel.Side.IN ? "I" : "O") + " goes to it"));
        show(shown.getValue());
        shown.addListener((o, was, now) -> {
            if (!isFocused() || !isEdited()) {
                show(now);
            }
        });
        textProperty().addListener((o, was, now) -> {
            if (!showing) {
                form.inputChanged();
            }
        });
        setOnAction(e -> take());
        focusedProperty().addListener((o, was, now) -> {
            if (!now && isEdited()) {
                take();
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN) {
                long step = e.isShiftDown() ? 1000 : Timecode.FRAME_MS;
                if (isEdited() && !take()) {
                    e.consume();
                    return;
                }
                form.nudgeSide(side, e.getCode() == KeyCode.UP ? step : -step);
                show(shown.getValue());
                e.consume();
            }
        });
    }

    private boolean isEdited() {
        return !getText().equals(shown.getValue());
    }

    private boolean take() {
        boolean taken = form.typeMark(side, getText());
        if (taken) {
            show(shown.getValue());
        }
        return taken;
    }

    /** Esc: back to the mark as it is. */
    public void revert() {
        show(shown.getValue());
    }

    private void show(String text) {
        showing = true;
        setText(text);
        showing = false;
    }
}
