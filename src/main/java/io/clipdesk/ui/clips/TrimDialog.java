package io.clipdesk.ui.clips;

import io.clipdesk.engine.clip.Clip;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

import java.util.List;
import java.util.Locale;

/**
 * Offered by "Adjust…" when the DVR no longer holds the clip's range: the new in and out inside the clip's own media
 * (what it delivered, {@code cutStartMs}–{@code cutEndMs}), as seconds from its start, in tenths.
 */
final class TrimDialog extends Dialog<TrimDialog.Range> {

    /** Wall-clock ms, as the engine takes them. */
    record Range(long fromMs, long toMs) {
    }

    TrimDialog(Clip clip, Window owner, List<String> stylesheets) {
        setTitle("Trim clip");
        setHeaderText(clip.name() + ": the DVR no longer holds its range, so it can only be cut down inside its own"
                + " media.");
        initOwner(owner);
        getDialogPane().getStylesheets().addAll(stylesheets);
        getDialogPane().getStyleClass().addAll("clipdesk", "trim-dialog");
        getDialogPane().setId("trim-dialog");
        ButtonType trim = new ButtonType("Trim", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(trim, ButtonType.CANCEL);
        getDialogPane().lookupButton(trim).setId("trim-apply");

        double lengthS = (clip.cutEndMs() - clip.cutStartMs()) / 1000.0;
        Slider in = slider("trim-in", lengthS, 0);
        Slider out = slider("trim-out", lengthS, lengthS);
        Label inText = new Label();
        Label outText = new Label();
        Label length = new Label();
        length.setId("trim-length");
        Runnable show = () -> {
            inText.setText(seconds(in.getValue()));
            outText.setText(seconds(out.getValue()));
            length.setText(out.getValue() > in.getValue() ? "keeps " + seconds(out.getValue() - in.getValue())
                    + " of " + seconds(lengthS) : "the out point must be after the in point");
            getDialogPane().lookupButton(trim).setDisable(out.getValue() <= in.getValue());
        };
        in.valueProperty().addListener((o, was, now) -> show.run());
        out.valueProperty().addListener((o, was, now) -> show.run());
        show.run();

        GridPane grid = new GridPane();
        grid.getStyleClass().add("describe-fields");
        grid.addRow(0, new Label("In"), in, inText);
        grid.addRow(1, new Label("Out"), out, outText);
        grid.add(length, 1, 2);
        GridPane.setHgrow(in, Priority.ALWAYS);
        GridPane.setHgrow(out, Priority.ALWAYS);
        getDialogPane().setContent(grid);
        getDialogPane().setPrefWidth(480);
        setResultConverter(b -> b == trim ? new Range(clip.cutStartMs() + Math.round(in.getValue() * 1000),
                clip.cutStartMs() + Math.round(out.getValue() * 1000)) : null);
    }

    private static Slider slider(String id, double max, double value) {
        Slider s = new Slider(0, max, value);
        s.setId(id);
        s.setBlockIncrement(0.1);
        s.setMajorTickUnit(1);
        s.setShowTickMarks(true);
        s.valueProperty().addListener((o, was, now) -> s.setValue(Math.round(now.doubleValue() * 10) / 10.0));
        return s;
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }
}
