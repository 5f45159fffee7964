package io.clipdesk.ui.streams;

import io.clipdesk.engine.stream.SourceHealth;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;

/** One stream in the switcher: a health dot, the name, the health word; the tooltip says the detail and the source. */
final class StreamChip extends ToggleButton {

    private static final PseudoClass LIVE = PseudoClass.getPseudoClass("live");
    private static final PseudoClass STALLED = PseudoClass.getPseudoClass("stalled");
    private static final PseudoClass DISCONNECTED = PseudoClass.getPseudoClass("disconnected");

    private final Circle dot = new Circle(5);
    private final Label name = new Label();
    private final Label health = new Label();
    private final Tooltip tip = new Tooltip();
    private StreamEntry shown;
    private int number;

    StreamChip(StreamEntry entry, int number) {
        getStyleClass().add("stream-chip");
        setId("stream-chip-" + entry.id());
        dot.getStyleClass().add("health-dot");
        name.getStyleClass().add("stream-name");
        health.getStyleClass().add("stream-health");
        HBox graphic = new HBox(6, dot, name, health);
        graphic.setAlignment(Pos.CENTER_LEFT);
        setGraphic(graphic);
        setTooltip(tip);
        setMnemonicParsing(false);
        show(entry, number);
    }

    /** @param number its place in the switcher, 1-based (Ctrl+1…9 reach the first nine) */
    void show(StreamEntry entry, int number) {
        if (entry.equals(shown) && number == this.number) {
            return;
        }
        shown = entry;
        this.number = number;
        name.setText(entry.name());
        health.setText(entry.healthWord());
        SourceHealth h = entry.health();
        for (Node n : new Node[]{this, dot}) {
            n.pseudoClassStateChanged(LIVE, h == SourceHealth.LIVE);
            n.pseudoClassStateChanged(STALLED, h == SourceHealth.STALLED || h == SourceHealth.DISK_FULL);
            n.pseudoClassStateChanged(DISCONNECTED, h == SourceHealth.DISCONNECTED);
        }
        String detail = entry.state().healthDetail();
        tip.setText(entry.name() + " — " + entry.healthWord() + (detail.isBlank() ? "" : ": " + detail) + "\n"
                + entry.sourceText() + (number <= 9 ? "\nShow it: Ctrl+" + number : ""));
    }

    StreamEntry entry() {
        return shown;
    }
}
