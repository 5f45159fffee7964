package io.clipdesk.ui.timeline;

import javafx.scene.image.Image;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Segment thumbnails for the timeline, loaded only when a visible slot asks for one (JavaFX decodes and scales
 * them on its background loader) and kept in a bounded least-recently-used map. FX thread only.
 */
public final class ThumbnailCache {

    private final LongFunction<Path> fileOfSequence;
    private final double width;
    private final double height;
    private final Map<Long, Image> images;
    private Runnable onLoaded = () -> { };

    /**
     * @param fileOfSequence where the JPEG of a segment lives
     * @param capacity       images kept; a few screens' worth is enough
     */
    public ThumbnailCache(LongFunction<Path> fileOfSequence, double width, double height, int capacity) {
        this.fileOfSequence = fileOfSequence;
        this.width = width;
        this.height = height;
        this.images = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Image> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Called on the FX thread whenever an image finishes loading, so the timeline can repaint. */
    public void setOnLoaded(Runnable onLoaded) {
        this.onLoaded = onLoaded;
    }

    /** The segment's thumbnail when it has loaded; otherwise starts loading it and returns null. */
    public Image loaded(long sequence) {
        Image image = images.get(sequence);
        if (image == null) {
            image = new Image(fileOfSequence.apply(sequence).toUri().toString(), width, height, true, true, true);
            images.put(sequence, image);
            Image loading = image;
            image.progressProperty().addListener((o, was, now) -> {
                if (now.doubleValue() >= 1 && !loading.isError()) {
                    onLoaded.run();
                }
            });
        }
        return image.getProgress() >= 1 && !image.isError() ? image : null;
    }

    public int size() {
        return images.size();
    }
}
