package io.clipdesk.media;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * FFmpeg's interrupt callback, one instance shared by every open input. JavaCPP gives a callback type only ten
 * live native instances per process — an eleventh comes out as NULL and FFmpeg then never asks it — while a
 * machine ingests dozens of streams. So one callback serves all inputs and finds each input's abort condition by
 * the opaque pointer FFmpeg hands back. This is the media package's only static state, for that reason.
 */
public final class InterruptCallback {

    private static final Map<Long, BooleanSupplier> ABORTS = new ConcurrentHashMap<>();

    private static final AVIOInterruptCB.Callback_Pointer SHARED = new AVIOInterruptCB.Callback_Pointer() {
        @Override
        public int call(Pointer opaque) {
            BooleanSupplier abort = opaque == null ? null : ABORTS.get(opaque.address());
            try {
                return abort != null && abort.getAsBoolean() ? 1 : 0;
            } catch (RuntimeException e) {
                return 0; // never let an exception unwind into FFmpeg
            }
        }
    };

    /** An input's place in the callback; closed after its context is. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private InterruptCallback() {
    }

    /** Makes every blocking call on {@code context} give up while {@code abort} answers true. */
    public static Registration attach(AVFormatContext context, BooleanSupplier abort) {
        LongPointer token = new LongPointer(1); // its address is the input's key, unique while it lives
        long key = token.address();
        ABORTS.put(key, abort);
        context.interrupt_callback().callback(SHARED).opaque(token);
        return () -> {
            ABORTS.remove(key);
            token.close();
        };
    }
}
