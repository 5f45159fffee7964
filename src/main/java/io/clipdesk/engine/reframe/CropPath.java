package io.clipdesk.engine.reframe;

import io.clipdesk.engine.InvalidRequestException;

import java.util.List;

/**
 * Where the crop window sits over the picture as the clip plays: its centre as fractions of the picture's width and
 * height (0 = left/top edge, 1 = right/bottom), at times from the clip's start. One key is a fixed window; more keys
 * move it, in straight lines between them — the desk sets one today, the engine already follows more.
 */
public record CropPath(List<Key> keys) {

    /** The window's centre at {@code atMs} from the clip's start. */
    public record Key(long atMs, double centerX, double centerY) {

        public Key {
            if (atMs < 0) {
                throw new InvalidRequestException("a crop key's time must be >= 0 ms, got " + atMs);
            }
            if (!(centerX >= 0 && centerX <= 1 && centerY >= 0 && centerY <= 1)) {
                throw new InvalidRequestException("a crop window's centre is a fraction of the picture, 0 to 1 each"
                        + " way, got x " + centerX + ", y " + centerY);
            }
        }
    }

    public CropPath {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new InvalidRequestException("a crop path needs at least one position");
        }
        for (int i = 1; i < keys.size(); i++) {
            if (keys.get(i).atMs() <= keys.get(i - 1).atMs()) {
                throw new InvalidRequestException("crop positions must be in time order, each later than the last");
            }
        }
    }

    /** A window that stays where it was put. */
    public static CropPath fixed(double centerX, double centerY) {
        return new CropPath(List.of(new Key(0, centerX, centerY)));
    }

    public static final CropPath CENTRED = fixed(0.5, 0.5);

    public boolean isFixed() {
        return keys.size() == 1;
    }

    /** The centre at {@code atMs}: before the first key its position, after the last the last's, else between. */
    public Key at(long atMs) {
        Key first = keys.get(0);
        if (atMs <= first.atMs()) {
            return first;
        }
        for (int i = 1; i < keys.size(); i++) {
            Key next = keys.get(i);
            if (atMs <= next.atMs()) {
                Key prev = keys.get(i - 1);
                double t = (double) (atMs - prev.atMs()) / (next.atMs() - prev.atMs());
                return new Key(atMs, prev.centerX() + t * (next.centerX() - prev.centerX()),
                        prev.centerY() + t * (next.centerY() - prev.centerY()));
            }
        }
        return keys.get(keys.size() - 1);
    }
}
