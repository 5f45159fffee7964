package io.clipdesk.engine.delivery;

import io.clipdesk.engine.clip.Clip;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * What a transport sends: the clip (for its metadata), its MP4 on disk, and the name it takes at the destination.
 *
 * @param deliveryKey the same for every attempt of one delivery, so a receiver can recognise a repeated attempt
 * @param fileStem    the name at the destination without extension: the clip's title made file-safe, then its id
 */
public record Shipment(Clip clip, Path mp4, long mp4Bytes, String deliveryKey, String fileStem) {

    public Shipment {
        Objects.requireNonNull(clip, "clip");
        Objects.requireNonNull(mp4, "mp4");
        Objects.requireNonNull(deliveryKey, "deliveryKey");
        Objects.requireNonNull(fileStem, "fileStem");
    }

    static Shipment of(Clip clip, Path mp4, long mp4Bytes, long deliveryId) {
        return new Shipment(clip, mp4, mp4Bytes, "clipdesk-" + clip.id() + "-" + deliveryId, stem(clip));
    }

    /**
     * Letters, digits, '-' and '_' only: a watch folder may sit on a SMB share or be read by a CMS that chokes on
     * anything else; the id keeps two clips of the same title apart.
     */
    static String stem(Clip clip) {
        String title = java.text.Normalizer.normalize(clip.name(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9_-]+", "_").replaceAll("^_+|_+$", "");
        if (title.length() > 60) {
            title = title.substring(0, 60);
        }
        return (title.isEmpty() ? "clip" : title) + "_" + clip.id().toLowerCase(Locale.ROOT);
    }
}
