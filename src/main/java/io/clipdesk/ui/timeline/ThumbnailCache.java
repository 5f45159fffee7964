package io.clipdesk.ui.timeline;

import javafx.scene.image.Image;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongFunction;

/**
 * Segment thumbnails for the timeline, loaded only when a visible slot asks for one and kept in a bounded
 * least-recently-used map. The JPEG is fetched from the desk's backend (a disk or a server) and decoded and scaled
 * on the cache's own {@code thumbnails} thread; the map lives on the FX thread. {@link #close()} ends the thread.
 */
public final class ThumbnailCache implements AutoCloseable {

    /** A thumbnail being fetched, or one that does not exist: nothing to draw, nothing to fetch again. */
    private static final Image PENDING = null;

    private final LongFunction<Optional<byte[]>> jpegOfSequence;
    private final Executor fx;
    private final double width;
    private final double height;
    private final Map<Long, Optional<Image>> images;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "thumbnails");
        t.setDaemon(true);
        return t;
    });
    private Runnable onLoaded = () -> { };

    /**
     * @param jpegOfSequence the JPEG of a segment, empty when it has none; called on the loader thread
     * @param fx             runs a task on the FX thread
     * @param capacity       images kept; a few screens' worth is enough
     */
    public ThumbnailCache(LongFunction<Optional<byte[]>> jpegOfSequence, Executor fx, double width, double height,
                          int capacity) {
        this.jpegOfSequence = jpegOfSequence;
        this.fx = fx;
        this.width = width;
        this.height = height;
        this.images = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Optional<Image>> eldest) {
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
        Optional<Image> image = images.get(sequence);
        if (image == null) {
            images.put(sequence, Optional.empty());
            try {
                loader.execute(() -> load(sequence));
            } catch (RejectedExecutionException closed) {
                return PENDING;
            }
            return PENDING;
        }
        return image.orElse(PENDING);
    }

    private void load(long sequence) {
        Optional<Image> decoded;
        try {
            decoded = jpegOfSequence.apply(sequence)
                    .map(jpeg -> new Image(new ByteArrayInputStream(jpeg), width, height, true, true))
                    .filter(i -> !i.isError());
        } catch (RuntimeException unreadable) {
            return; // gone with its segment, or the server did not answer: the slot stays without a picture
        }
        if (decoded.isPresent()) {
            fx.execute(() -> {
                if (images.containsKey(sequence)) {
                    images.put(sequence, decoded);
                    onLoaded.run();
                }
            });
        }
    }

    public int size() {
        return images.size();
    }

    @Override
    public void close() {
        loader.shutdownNow();
    }
}
