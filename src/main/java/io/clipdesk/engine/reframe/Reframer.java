package io.clipdesk.engine.reframe;

import io.clipdesk.engine.MediaException;

import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.IntFunction;

/**
 * Crops and scales a clip's picture to a social shape and encodes it once with H.264, the sound copied as it is
 * (implemented in {@code media}). Writes MPEG-TS segments of about {@code segmentMs}, each starting on a keyframe.
 */
public interface Reframer {

    /**
     * @param segment  where segment n goes (written durably)
     * @param progress told the fraction done, 0–1, now and then
     * @return each written segment's duration in µs, in order
     * @throws MediaException when the clip cannot be read or the output written
     */
    List<Long> encode(Path sourceMp4, ReframeAspect aspect, CropPath crop, int segmentMs, IntFunction<Path> segment,
                      DoubleConsumer progress);
}
