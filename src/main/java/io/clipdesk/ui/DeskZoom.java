package io.clipdesk.ui;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * The window's content enlarged on a dense screen. The desk is laid out for 1280x720 to 1920x1080; on a 4K screen
 * run at 100 % its 13 px text is unreadable from the chair and the picture is stretched to six times its 360p. So the
 * content is laid out at the window's size divided by the zoom and drawn enlarged by it: the full-HD layout, twice as
 * large, on a 3840x2160 screen. A desktop that scales itself (a HiDPI setting) reports its screen in logical pixels
 * already, and gets no zoom on top.
 */
public final class DeskZoom extends Region {

    /** The screen the desk's layout is made for; a denser one gets the zoom. */
    static final double BASE_WIDTH = 1920;
    static final double BASE_HEIGHT = 1080;
    /** The smallest layout the desk works in, which the zoom never squeezes it below. */
    static final double MIN_WIDTH = 1280;
    static final double MIN_HEIGHT = 720;
    static final double MAX_ZOOM = 2;

    private final Node content;
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);

    public DeskZoom(Node content) {
        this.content = content;
        getChildren().add(content);
        content.getTransforms().add(scale);
        zoom.addListener((o, was, now) -> {
            scale.setX(now.doubleValue());
            scale.setY(now.doubleValue());
            requestLayout();
        });
    }

    /**
     * The zoom for a window of {@code windowWidth} x {@code windowHeight} on a screen of {@code screenWidth} x
     * {@code screenHeight} (logical pixels): as much as the screen is denser than full HD, at most 2, never so much
     * that the layout gets smaller than 1280x720, and in quarter steps, so text stays crisp and the layout does not
     * shift with every pixel of a drag. Never below 1.
     */
    public static double zoomFor(double screenWidth, double screenHeight, double windowWidth, double windowHeight) {
        double dense = Math.min(screenWidth / BASE_WIDTH, screenHeight / BASE_HEIGHT);
        double room = Math.min(windowWidth / MIN_WIDTH, windowHeight / MIN_HEIGHT);
        double z = Math.floor(Math.min(MAX_ZOOM, Math.min(dense, room)) * 4) / 4;
        return Math.max(1, z);
    }

    public Node content() {
        return content;
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    @Override
    protected void layoutChildren() {
        double z = zoom.get();
        content.resizeRelocate(0, 0, getWidth() / z, getHeight() / z);
    }

    @Override
    protected double computeMinWidth(double height) {
        return content.minWidth(-1) * zoom.get();
    }

    @Override
    protected double computeMinHeight(double width) {
        return content.minHeight(-1) * zoom.get();
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(-1) * zoom.get();
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(-1) * zoom.get();
    }
}
