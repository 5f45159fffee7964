package io.clipdesk.ui;

import io.clipdesk.desk.DeskBackend;
import io.clipdesk.ui.desk.MainView;
import javafx.geometry.Rectangle2D;

import java.util.List;
import java.util.Optional;

/**
 * Where the window was and how it was split when it closed: position and size, maximized, and the divider between
 * the desk and the clips panel. Kept in the desk settings of the backend shown; a place on no screen any more (a laptop without its
 * second monitor) is not restored, and a size larger than the screen shrinks to it.
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized,
                              double sideSplit) {

    static final String KEY = "ui.window.placement";
    /** Smallest size the desk is laid out for. */
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 600;

    public WindowPlacement {
        sideSplit = Math.max(0.3, Math.min(0.9, sideSplit));
    }

    /** The first run: as large as the screen allows up to 1600x900, centred. */
    public static WindowPlacement fitting(Rectangle2D screen) {
        double w = Math.min(1600, screen.getWidth());
        double h = Math.min(900, screen.getHeight());
        return new WindowPlacement(screen.getMinX() + (screen.getWidth() - w) / 2,
                screen.getMinY() + (screen.getHeight() - h) / 2, w, h, false, MainView.DEFAULT_SIDE_SPLIT);
    }

    /** This placement made to fit the screens there are now: onto the first that shows its top-left corner. */
    public WindowPlacement onto(List<Rectangle2D> screens) {
        for (Rectangle2D s : screens) {
            if (s.contains(x + 40, y + 20)) {
                return new WindowPlacement(x, y, Math.min(width, s.getMaxX() - x), Math.min(height, s.getMaxY() - y),
                        maximized, sideSplit);
            }
        }
        WindowPlacement first = fitting(screens.get(0));
        return new WindowPlacement(first.x(), first.y(), Math.min(width, first.width()),
                Math.min(height, first.height()), maximized, sideSplit);
    }

    static Optional<WindowPlacement> load(DeskBackend settings) {
        return settings.setting(KEY).flatMap(WindowPlacement::parse);
    }

    void save(DeskBackend settings) {
        settings.putSetting(KEY, x + "," + y + "," + width + "," + height + "," + maximized + "," + sideSplit);
    }

    static Optional<WindowPlacement> parse(String text) {
        String[] p = text.split(",");
        if (p.length != 6) {
            return Optional.empty();
        }
        try {
            double w = Double.parseDouble(p[2]);
            double h = Double.parseDouble(p[3]);
            if (w < 200 || h < 150) {
                return Optional.empty();
            }
            return Optional.of(new WindowPlacement(Double.parseDouble(p[0]), Double.parseDouble(p[1]), w, h,
                    Boolean.parseBoolean(p[4]), Double.parseDouble(p[5])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
