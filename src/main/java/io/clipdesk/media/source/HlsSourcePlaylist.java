package io.clipdesk.media.source;

import io.clipdesk.engine.MediaException;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pulled HLS playlist as far as ingest needs it: either a multivariant playlist (its variants) or a media
 * playlist of MPEG-TS segments, each with its sequence number, its #EXT-X-PROGRAM-DATE-TIME when the source gives
 * one (carried on by segment durations where a segment has none, RFC 8216 4.3.2.6) and its discontinuity flag.
 * Fragmented-MP4 and encrypted playlists are refused with a sentence saying so.
 */
record HlsSourcePlaylist(List<Variant> variants, long targetDurationMs, boolean ended, List<Item> items) {

    record Variant(URI uri, long bandwidthBps) {
    }

    /** @param programDateTimeMs the source's wall clock for the segment's start, or -1 when it gives none */
    record Item(URI uri, long sequence, long durationUs, long programDateTimeMs, boolean discontinuity) {
    }

    static final String HEADER = "#EXTM3U";
    static final Pattern STREAM_INF = Pattern.compile("#EXT-X-STREAM-INF:(.*)");
    static final Pattern BANDWIDTH = Pattern.compile("(?:^|,)BANDWIDTH=(\\d+)");
    static final Pattern TARGET_DURATION = Pattern.compile("#EXT-X-TARGETDURATION:(\\d+)");
    static final Pattern MEDIA_SEQUENCE = Pattern.compile("#EXT-X-MEDIA-SEQUENCE:(\\d+)");
    static final Pattern INF = Pattern.compile("#EXTINF:([0-9.]+).*");
    static final Pattern PROGRAM_DATE_TIME = Pattern.compile("#EXT-X-PROGRAM-DATE-TIME:(\\S+)");
    static final Pattern KEY_METHOD = Pattern.compile("#EXT-X-KEY:.*METHOD=([A-Z0-9-]+).*");
    static final String DISCONTINUITY = "#EXT-X-DISCONTINUITY";
    static final String END_LIST = "#EXT-X-ENDLIST";
    static final String MAP = "#EXT-X-MAP";
    static final String BYTE_RANGE = "#EXT-X-BYTERANGE";

    HlsSourcePlaylist {
        variants = List.copyOf(variants);
        items = List.copyOf(items);
    }

    boolean multivariant() {
        return !variants.isEmpty();
    }

    /** The variant with the highest bandwidth: the DVR keeps the best the source offers. */
    Optional<Variant> best() {
        return variants.stream().max((a, b) -> Long.compare(a.bandwidthBps(), b.bandwidthBps()));
    }

    /** @param base the playlist's own URL, against which segment and variant URIs resolve */
    static HlsSourcePlaylist parse(String text, URI base) {
        String[] lines = text.split("\r?\n");
        if (lines.length == 0 || !lines[0].strip().startsWith(HEADER)) {
            throw new MediaException("the source at " + base + " is not an HLS playlist (no #EXTM3U)");
        }
        List<Variant> variants = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        long targetMs = 0;
        long sequence = 0;
        boolean ended = false;
        long durationUs = -1;
        long pdtMs = -1;
        long nextPdtMs = -1;
        boolean discontinuity = false;
        Long pendingBandwidth = null;
        for (String raw : lines) {
            String line = raw.strip();
            Matcher m;
            if ((m = STREAM_INF.matcher(line)).matches()) {
                Matcher bw = BANDWIDTH.matcher(m.group(1));
                pendingBandwidth = bw.find() ? Long.parseLong(bw.group(1)) : 0L;
            } else if ((m = TARGET_DURATION.matcher(line)).matches()) {
                targetMs = Long.parseLong(m.group(1)) * 1000;
            } else if ((m = MEDIA_SEQUENCE.matcher(line)).matches()) {
                sequence = Long.parseLong(m.group(1));
            } else if ((m = INF.matcher(line)).matches()) {
                durationUs = Math.round(Double.parseDouble(m.group(1)) * 1_000_000);
            } else if ((m = PROGRAM_DATE_TIME.matcher(line)).matches()) {
                pdtMs = parseTime(m.group(1), base);
            } else if ((m = KEY_METHOD.matcher(line)).matches() && !m.group(1).equals("NONE")) {
                throw new MediaException("the source at " + base + " is encrypted (" + m.group(1)
                        + "); Clipdesk pulls only unencrypted HLS");
            } else if (line.startsWith(MAP) || line.startsWith(BYTE_RANGE)) {
                throw new MediaException("the source at " + base + " uses fragmented-MP4 or byte-range segments;"
                        + " Clipdesk pulls HLS with whole MPEG-TS segments");
            } else if (line.equals(DISCONTINUITY)) {
                discontinuity = true;
            } else if (line.equals(END_LIST)) {
                ended = true;
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                URI uri = base.resolve(line);
                if (pendingBandwidth != null) {
                    variants.add(new Variant(uri, pendingBandwidth));
                    pendingBandwidth = null;
                } else if (durationUs >= 0) {
                    long startMs = pdtMs >= 0 ? pdtMs : discontinuity ? -1 : nextPdtMs;
                    items.add(new Item(uri, sequence + items.size(), durationUs, startMs, discontinuity));
                    nextPdtMs = startMs < 0 ? -1 : startMs + durationUs / 1000;
                    durationUs = -1;
                    pdtMs = -1;
                    discontinuity = false;
                }
            }
        }
        return new HlsSourcePlaylist(variants, targetMs, ended, items);
    }

    private static long parseTime(String text, URI base) {
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            // ISO 8601 without the colon in the offset (+0000), as some packagers write it.
            try {
                return OffsetDateTime.parse(text.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant().toEpochMilli();
            } catch (DateTimeParseException again) {
                throw new MediaException("the source at " + base + " has an unreadable #EXT-X-PROGRAM-DATE-TIME: " + text);
            }
        }
    }
}
