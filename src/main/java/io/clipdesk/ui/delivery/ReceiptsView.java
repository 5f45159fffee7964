package io.clipdesk.ui.delivery;

import io.clipdesk.engine.delivery.Delivery;
import io.clipdesk.engine.delivery.DeliveryStatus;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * The selected clip's receipts under the clips list: one row per send, newest first — where to, a progress bar
 * while it waits or sends, and what the destination answered. Hidden while the clip was sent nowhere.
 */
public final class ReceiptsView extends VBox {

    public ReceiptsView(DeliveriesViewModel vm) {
        getStyleClass().add("receipts");
        setId("clip-receipts");
        Label title = new Label("Sent to");
        title.getStyleClass().add("receipts-title");
        VBox rows = new VBox(2);
        getChildren().addAll(title, rows);
        vm.receipts().addListener((ListChangeListener<Delivery>) c -> {
            rows.getChildren().setAll(vm.receipts().stream().map(d -> row(d, vm)).toList());
        });
        managedProperty().bind(visibleProperty());
        visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.receipts()));
    }

    private static VBox row(Delivery d, DeliveriesViewModel vm) {
        Label where = new Label(d.destinationName());
        where.getStyleClass().add("receipt-destination");
        where.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        String text = ReceiptText.of(d, vm.zone());
        Label what = new Label(text);
        what.getStyleClass().add("receipt-text");
        what.setTooltip(new Tooltip(text));
        what.setWrapText(true); // the destination's answer is the point of a receipt: show it whole
        what.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox head = new HBox(6, where);
        head.setAlignment(Pos.CENTER_LEFT);
        if (d.status() == DeliveryStatus.SENDING || d.status() == DeliveryStatus.WAITING) {
            ProgressBar bar = new ProgressBar(d.status() == DeliveryStatus.WAITING ? ProgressBar.INDETERMINATE_PROGRESS
                    : d.progress());
            bar.getStyleClass().add("receipt-progress");
            bar.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(bar, Priority.ALWAYS);
            head.getChildren().add(bar);
        }
        VBox row = new VBox(0, head, what);
        row.getStyleClass().addAll("receipt", "receipt-" + d.status().name().toLowerCase(Locale.ROOT));
        row.setId("receipt-" + d.id());
        return row;
    }
}
