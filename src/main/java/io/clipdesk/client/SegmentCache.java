package io.clipdesk.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The remote desk's copy of recently played DVR media, bounded by bytes and dropping the least recently used first:
 * scrubbing back and forth plays from memory, and an hour of DVR never piles up on the desk. Thread safe.
 */
final class SegmentCache {

    private final long capacityBytes;
    private final Map<String, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long sizeBytes;

    /** @param capacityBytes the most kept; one item larger than this is not kept at all */
    SegmentCache(long capacityBytes) {
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("a cache needs room");
        }
        this.capacityBytes = capacityBytes;
    }

    synchronized Optional<byte[]> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized void put(String key, byte[] bytes) {
        if (bytes.length > capacityBytes) {
            return;
        }
        byte[] old = entries.put(key, bytes);
        sizeBytes += bytes.length - (old == null ? 0 : old.length);
        var eldest = entries.entrySet().iterator();
        while (sizeBytes > capacityBytes && eldest.hasNext()) {
            sizeBytes -= eldest.next().getValue().length;
            eldest.remove();
        }
    }

    synchronized long sizeBytes() {
        return sizeBytes;
    }

    synchronized int count() {
        return entries.size();
    }
}
