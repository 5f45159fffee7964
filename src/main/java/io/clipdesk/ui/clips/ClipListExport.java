package io.clipdesk.ui.clips;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.clipdesk.engine.Clip;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * The clip list as a cut list. CSV is LosslessCut's import format, {@code start,end,label} without a header, in
 * seconds from the start of the stream's DVR recording (its oldest segment), so the DVR's HLS opened in LosslessCut
 * lines up. Clips that start before the DVR window are no longer in that recording and are left out of the CSV.
 * JSON carries every clip with both the DVR-relative and the absolute times.
 */
public final class ClipListExport {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final List<Clip> clips;
    private final long dvrStartMs;
    private final MediaLinks links;

    /** {@code clips} in any order; the export is oldest first, as a cut list reads. */
    public ClipListExport(List<Clip> clips, long dvrStartMs, MediaLinks links) {
        this.clips = clips.stream().sorted(Comparator.comparingLong(Clip::startS).thenComparing(Clip::id)).toList();
        this.dvrStartMs = dvrStartMs;
        this.links = links;
    }

    /** One exported clip; times in DVR seconds are null for a clip that starts before the DVR window. */
    public record Row(String id, String name, String status, Double dvrStartS, Double dvrEndS, long start,
                      int duration, long expiration, List<String> renditions, Long videoId, long cutStartMs,
                      long cutEndMs, String hlsMaster, String mp4Master) {
    }

    public String csv() {
        StringBuilder out = new StringBuilder();
        for (Clip clip : inDvr()) {
            out.append(seconds(dvrOffsetMs(clip))).append(',')
                    .append(seconds(dvrOffsetMs(clip) + clip.durationS() * 1000L)).append(',')
                    .append(quoted(clip.name())).append('\n');
        }
        return out.toString();
    }

    public String json() {
        List<Row> rows = clips.stream().map(this::row).toList();
        try {
            return JSON.writeValueAsString(rows) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("clip rows are plain values and always serialize", e);
        }
    }

    /** How many clips the CSV leaves out because the DVR no longer holds their start. */
    public int outsideDvr() {
        return clips.size() - inDvr().size();
    }

    private List<Clip> inDvr() {
        return clips.stream().filter(c -> dvrOffsetMs(c) >= 0).toList();
    }

    private long dvrOffsetMs(Clip clip) {
        return clip.startS() * 1000 - dvrStartMs;
    }

    private Row row(Clip clip) {
        boolean inDvr = dvrOffsetMs(clip) >= 0;
        PreviewSource.Links media = links.clip(clip);
        return new Row(clip.id(), clip.name(), clip.status().wire(),
                inDvr ? dvrOffsetMs(clip) / 1000.0 : null,
                inDvr ? (dvrOffsetMs(clip) + clip.durationS() * 1000L) / 1000.0 : null,
                clip.startS(), clip.durationS(), clip.expirationS(), clip.renditions(),
                clip.hasVideo() ? clip.videoId() : null, clip.cutStartMs(), clip.cutEndMs(),
                media.hlsMaster(), media.mp4Master());
    }

    /** Milliseconds as plain decimal seconds: "12.5", "42". */
    static String seconds(long ms) {
        return BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString();
    }

    private static String quoted(String label) {
        if (label.matches("[^\",\\r\\n]*")) {
            return label;
        }
        return '"' + label.replace("\"", "\"\"") + '"';
    }
}
