package io.clipdesk.ui.clips.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.ui.clips.preview.MediaLinks;
import io.clipdesk.ui.clips.preview.PreviewSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The clip list as a cut list. CSV has a header; its first three columns are LosslessCut's {@code start,end,label},
 * in seconds from the start of the export's first clip (so they stay meaningful after the DVR rolls), then the
 * wall-clock start and end as ISO 8601 with the desk's offset, the length, the tags and the clip id. JSON carries
 * every clip with both the DVR-relative and the absolute times. EDL and XML: {@link EdlExport}, {@link XmemlExport}.
 */
public final class ClipListExport {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final List<Clip> clips;
    private final long dvrStartMs;
    private final MediaLinks links;
    private final ZoneId zone;

    /** {@code clips} in any order; the export is oldest first, as a cut list reads. */
    public ClipListExport(List<Clip> clips, long dvrStartMs, MediaLinks links, ZoneId zone) {
        this.clips = clips.stream().sorted(Comparator.comparingLong(Clip::fromMs).thenComparing(Clip::id)).toList();
        this.dvrStartMs = dvrStartMs;
        this.links = links;
        this.zone = zone;
    }

    /** One exported clip; times in DVR seconds are null for a clip that starts before the DVR window. */
    public record Row(String id, String name, String status, Double dvrStartS, Double dvrEndS, long start,
                      int duration, long expiration, List<String> renditions, Long videoId, long cutStartMs,
                      long cutEndMs, String hlsMaster, String mp4Master) {
    }

    /** What the panel's Export menu offers. */
    public enum Format { CSV, JSON, EDL, XMEML }

    public String render(Format format, String title, int fps, Function<Clip, String> mediaUrl) {
        return switch (format) {
            case CSV -> csv();
            case JSON -> json();
            case EDL -> edl(title, fps, mediaUrl);
            case XMEML -> xmeml(title, fps, mediaUrl);
        };
    }

    public static final String CSV_HEADER = "start,end,label,start_time,end_time,duration_s,tags,id";

    public String csv() {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        long originMs = clips.isEmpty() ? 0 : clips.get(0).fromMs();
        for (Clip clip : clips) {
            out.append(seconds(clip.fromMs() - originMs)).append(',')
                    .append(seconds(clip.toMs() - originMs)).append(',')
                    .append(quoted(clip.name())).append(',')
                    .append(wallClock(clip.fromMs())).append(',')
                    .append(wallClock(clip.toMs())).append(',')
                    .append(seconds(clip.toMs() - clip.fromMs())).append(',')
                    .append(quoted(String.join(", ", clip.description().tags()))).append(',')
                    .append(clip.id()).append('\n');
        }
        return out.toString();
    }

    /** CMX 3600, the clips' MP4s at {@code mediaUrl}. */
    public String edl(String title, int fps, Function<Clip, String> mediaUrl) {
        return EdlExport.of(title, clips, new CutTimes(fps, zone), mediaUrl);
    }

    /** FCP 7 XML (xmeml 5), the clips' MP4s at {@code mediaUrl}. */
    public String xmeml(String title, int fps, Function<Clip, String> mediaUrl) {
        return XmemlExport.of(title, clips, new CutTimes(fps, zone), mediaUrl);
    }

    /** "2024-05-24T14:53:32.520+02:00". */
    private String wallClock(long ms) {
        return ISO.format(Instant.ofEpochMilli(ms).atZone(zone));
    }

    public String json() {
        List<Row> rows = clips.stream().map(this::row).toList();
        try {
            return JSON.writeValueAsString(rows) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("clip rows are plain values and always serialize", e);
        }
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
