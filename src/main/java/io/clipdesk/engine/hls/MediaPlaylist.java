package io.clipdesk.engine.hls;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A media playlist: a clip's VOD rendition, or the DVR / live window of a stream. Every segment carries its
 * wall-clock start as #EXT-X-PROGRAM-DATE-TIME so players and editors can map media to the clock.
 */
public record MediaPlaylist(long mediaSequence, Optional<Type> type, boolean ended, List<Entry> entries) {

    /** #EXT-X-PLAYLIST-TYPE values. */
    public enum Type { VOD, EVENT }

    /** One segment line with its tags. */
    public record Entry(String uri, long durationUs, long programDateTimeMs, boolean discontinuity) {
    }

    /** Always with milliseconds, so segment starts are exact to the frame. */
    private static final DateTimeFormatter PDT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    public MediaPlaylist {
        entries = List.copyOf(entries);
    }

    public static MediaPlaylist vod(List<Entry> entries) {
        return new MediaPlaylist(0, Optional.of(Type.VOD), true, entries);
    }

    public static MediaPlaylist live(long mediaSequence, List<Entry> entries) {
        return new MediaPlaylist(mediaSequence, Optional.empty(), false, entries);
    }

    /** Whole seconds, rounded up, of the longest segment (RFC 8216 4.3.3.1), at least 1. */
    public int targetDurationS() {
        long maxUs = entries.stream().mapToLong(Entry::durationUs).max().orElse(1_000_000);
        return (int) Math.max(1, Math.round(Math.ceil(maxUs / 1_000_000.0 - 0.0005)));
    }

    public String write() {
        StringBuilder out = new StringBuilder(64 + entries.size() * 96);
        out.append(HlsTag.HEADER).append('\n');
        out.append(HlsTag.VERSION).append(3).append('\n');
        out.append(HlsTag.TARGET_DURATION).append(targetDurationS()).append('\n');
        out.append(HlsTag.MEDIA_SEQUENCE).append(mediaSequence).append('\n');
        type.ifPresent(t -> out.append(HlsTag.PLAYLIST_TYPE).append(t).append('\n'));
        out.append(HlsTag.INDEPENDENT_SEGMENTS).append('\n');
        for (Entry e : entries) {
            if (e.discontinuity()) {
                out.append(HlsTag.DISCONTINUITY).append('\n');
            }
            out.append(HlsTag.PROGRAM_DATE_TIME).append(PDT.format(Instant.ofEpochMilli(e.programDateTimeMs()))).append('\n');
            out.append(HlsTag.INF).append(String.format(Locale.ROOT, "%.3f", e.durationUs() / 1_000_000.0))
                    .append(",\n");
            out.append(e.uri()).append('\n');
        }
        if (ended) {
            out.append(HlsTag.END_LIST).append('\n');
        }
        return out.toString();
    }

    /** Reads what {@link #write()} writes (and any simple media playlist of the same tags). */
    public static MediaPlaylist parse(String text) {
        String[] lines = text.split("\r?\n");
        if (lines.length == 0 || !lines[0].strip().equals(HlsTag.HEADER)) {
            throw new IllegalArgumentException("not an HLS playlist: first line must be #EXTM3U");
        }
        long sequence = 0;
        Optional<Type> type = Optional.empty();
        boolean ended = false;
        List<Entry> entries = new ArrayList<>();
        long durationUs = -1;
        long pdtMs = 0;
        boolean discontinuity = false;
        for (String raw : lines) {
            String line = raw.strip();
            Matcher m;
            if ((m = HlsTag.MEDIA_SEQUENCE_RE.matcher(line)).matches()) {
                sequence = Long.parseLong(m.group(1));
            } else if ((m = HlsTag.PLAYLIST_TYPE_RE.matcher(line)).matches()) {
                type = Optional.of(Type.valueOf(m.group(1)));
            } else if ((m = HlsTag.PROGRAM_DATE_TIME_RE.matcher(line)).matches()) {
                pdtMs = java.time.OffsetDateTime.parse(m.group(1)).toInstant().toEpochMilli();
            } else if ((m = HlsTag.INF_RE.matcher(line)).matches()) {
                durationUs = Math.round(Double.parseDouble(m.group(1)) * 1_000_000);
            } else if (line.equals(HlsTag.DISCONTINUITY)) {
                discontinuity = true;
            } else if (line.equals(HlsTag.END_LIST)) {
                ended = true;
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                if (durationUs < 0) {
                    throw new IllegalArgumentException("segment " + line + " has no #EXTINF");
                }
                entries.add(new Entry(line, durationUs, pdtMs, discontinuity));
                durationUs = -1;
                discontinuity = false;
            }
        }
        return new MediaPlaylist(sequence, type, ended, entries);
    }
}
