package io.clipdesk.store;

import io.clipdesk.engine.sound.AudioEnvelope;

import java.nio.ByteBuffer;
import java.sql.SQLDataException;

/**
 * The {@code levels} blob of an envelope row: the bucket count's peaks, then its RMS values, each a big-endian
 * 16-bit level ({@link AudioEnvelope#NO_AUDIO} = -1). 4 bytes per 20 ms bucket: 400 bytes for a 2 s segment.
 */
final class EnvelopeLevels {

    private EnvelopeLevels() {
    }

    static byte[] encode(AudioEnvelope envelope) {
        ByteBuffer out = ByteBuffer.allocate(envelope.size() * 4);
        for (int i = 0; i < envelope.size(); i++) {
            out.putShort(envelope.peak(i));
        }
        for (int i = 0; i < envelope.size(); i++) {
            out.putShort(envelope.rms(i));
        }
        return out.array();
    }

    static AudioEnvelope decode(long startMs, int bucketMs, byte[] levels) throws SQLDataException {
        if (levels.length % 4 != 0) {
            throw new SQLDataException("stored envelope has " + levels.length + " bytes, not a multiple of 4");
        }
        int n = levels.length / 4;
        ByteBuffer in = ByteBuffer.wrap(levels);
        short[] peaks = new short[n];
        short[] rms = new short[n];
        for (int i = 0; i < n; i++) {
            peaks[i] = in.getShort();
        }
        for (int i = 0; i < n; i++) {
            rms[i] = in.getShort();
        }
        try {
            return new AudioEnvelope(startMs, bucketMs, peaks, rms);
        } catch (IllegalArgumentException e) {
            throw new SQLDataException("stored envelope is invalid: " + e.getMessage(), e);
        }
    }
}
