package io.clipdesk.ui.clips;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.reframe.CropPath;
import io.clipdesk.engine.reframe.CropWindow;
import io.clipdesk.engine.reframe.ReframeAspect;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Window;

import java.util.List;

/**
 * "Vertical 9:16…" and its siblings: a still of the clip with the crop window on it, dragged (or clicked, or moved
 * with the arrow keys) to where the picture's subject is; the shape can be switched. The window is the largest of
 * the shape that fits, computed by {@link CropWindow} as the encoder will crop it, so what is framed is what is made.
 */
final class ReframeDialog extends Dialog<ReframeDialog.Choice> {

    /** The shape and where its window sits (a fixed position). */
    record Choice(ReframeAspect aspect, CropPath crop) {
    }

    private static final double KEY_STEP = 0.02;

    private final ClipStill still;
    private final double scale;
    private final ObjectProperty<ReframeAspect> aspect;
    private final Rectangle window = new Rectangle();
    private final Rectangle[] shade = {new Rectangle(), new Rectangle(), new Rectangle(), new Rectangle()};
    private final Label where = new Label();
    private double centerX = 0.5;
    private double centerY = 0.5;
    private double grabX;
    private double grabY;

    ReframeDialog(Clip clip, ClipStill still, ReframeAspect initial, Window owner, List<String> stylesheets) {
        this.still = still;
        this.scale = (double) still.width() / still.sourceWidth();
        this.aspect = new SimpleObjectProperty<>(initial);
        setTitle("Reframe for social");
        setHeaderText(clip.name() + (still.decoded() ? "" : " (no picture to show: place the window by its position)"));
        initOwner(owner);
        getDialogPane().getStylesheets().addAll(stylesheets);
        getDialogPane().getStyleClass().addAll("clipdesk", "reframe-dialog");
        getDialogPane().setId("reframe-dialog");
        ButtonType make = new ButtonType("Make", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(make, ButtonType.CANCEL);
        getDialogPane().lookupButton(make).setId("reframe-make");

        ToggleGroup shapes = new ToggleGroup();
        HBox toggles = new HBox(6);
        for (ReframeAspect a : ReframeAspect.values()) {
            ToggleButton b = new ToggleButton(label(a));
            b.setId("reframe-aspect-" + a.slug());
            b.setToggleGroup(shapes);
            b.setSelected(a == initial);
            b.setOnAction(e -> {
                b.setSelected(true); // a shape is always chosen
                aspect.set(a);
            });
            toggles.getChildren().add(b);
        }

        WritableImage image = new WritableImage(still.width(), still.height());
        image.getPixelWriter().setPixels(0, 0, still.width(), still.height(), PixelFormat.getIntArgbInstance(),
                still.argb(), 0, still.width());
        Pane picture = new Pane(new ImageView(image));
        picture.setId("reframe-picture");
        picture.setMinSize(still.width(), still.height());
        picture.setMaxSize(still.width(), still.height());
        for (Rectangle r : shade) {
            r.setFill(Color.rgb(0, 0, 0, 0.6));
            r.setMouseTransparent(true);
        }
        window.setId("reframe-window");
        window.setFill(Color.TRANSPARENT);
        window.setStroke(Color.WHITE);
        window.setStrokeWidth(2);
        window.setCursor(javafx.scene.Cursor.MOVE);
        window.setFocusTraversable(true);
        window.setAccessibleText("Crop window: drag it, or move it with the arrow keys");
        picture.getChildren().addAll(shade);
        picture.getChildren().add(window);
        window.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            grabX = e.getX() - window.getX();
            grabY = e.getY() - window.getY();
            window.requestFocus();
            e.consume();
        });
        window.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            moveTo(e.getX() - grabX + window.getWidth() / 2, e.getY() - grabY + window.getHeight() / 2);
            e.consume();
        });
        picture.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> moveTo(e.getX(), e.getY()));
        window.setOnKeyPressed(e -> {
            double dx = e.getCode() == KeyCode.LEFT ? -KEY_STEP : e.getCode() == KeyCode.RIGHT ? KEY_STEP : 0;
            double dy = e.getCode() == KeyCode.UP ? -KEY_STEP : e.getCode() == KeyCode.DOWN ? KEY_STEP : 0;
            if (dx != 0 || dy != 0) {
                place(centerX + dx, centerY + dy);
                e.consume();
            }
        });
        aspect.addListener((o, was, now) -> place(centerX, centerY));
        where.setId("reframe-where");
        where.getStyleClass().add("field-label");

        VBox content = new VBox(8, toggles, picture, where);
        getDialogPane().setContent(content);
        place(0.5, 0.5);
        setResultConverter(b -> b == make ? new Choice(aspect.get(), CropPath.fixed(centerX, centerY)) : null);
        setOnShown(e -> window.requestFocus());
    }

    private static String label(ReframeAspect a) {
        return switch (a) {
            case VERTICAL -> "Vertical 9:16";
            case SQUARE -> "Square 1:1";
            case PORTRAIT -> "Portrait 4:5";
        };
    }

    /** The window centred at a point of the shown picture (its pixels). */
    private void moveTo(double pictureX, double pictureY) {
        place(pictureX / still.width(), pictureY / still.height());
    }

    /** Puts the window as near the centre asked as the picture allows, and keeps where it really is. */
    private void place(double wantedX, double wantedY) {
        CropWindow w = CropWindow.of(aspect.get(), still.sourceWidth(), still.sourceHeight(),
                Math.max(0, Math.min(1, wantedX)), Math.max(0, Math.min(1, wantedY)));
        centerX = (w.x() + w.width() / 2.0) / still.sourceWidth();
        centerY = (w.y() + w.height() / 2.0) / still.sourceHeight();
        double x = w.x() * scale;
        double y = w.y() * scale;
        double width = w.width() * scale;
        double height = w.height() * scale;
        window.setX(x);
        window.setY(y);
        window.setWidth(width);
        window.setHeight(height);
        shade[0].setX(0);
        shade[0].setY(0);
        shade[0].setWidth(x);
        shade[0].setHeight(still.height());
        shade[1].setX(x + width);
        shade[1].setY(0);
        shade[1].setWidth(Math.max(0, still.width() - x - width));
        shade[1].setHeight(still.height());
        shade[2].setX(x);
        shade[2].setY(0);
        shade[2].setWidth(width);
        shade[2].setHeight(y);
        shade[3].setX(x);
        shade[3].setY(y + height);
        shade[3].setWidth(width);
        shade[3].setHeight(Math.max(0, still.height() - y - height));
        where.setText(String.format("%s: %d×%d of the picture from x %d, y %d, made %d×%d", aspect.get().wire(),
                w.width(), w.height(), w.x(), w.y(), aspect.get().width(), aspect.get().height()));
    }

    /** Where the window's centre is, as fractions of the picture (tests). */
    double centerX() {
        return centerX;
    }
}
