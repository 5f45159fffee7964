package io.clipdesk.engine.hls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/** A multivariant ("master") playlist: one variant per rendition. */
public record MultivariantPlaylist(List<Variant> variants) {

    /** One rendition's playlist. {@code bandwidthBps} is the peak bit rate, audio included. */
    public record Variant(String uri, long bandwidthBps, int width, int height, double frameRate) {
    }

    public MultivariantPlaylist {
        variants = List.copyOf(variants);
    }

    public String write() {
        StringBuilder out = new StringBuilder();
        out.append(HlsTag.HEADER).append('\n');
        out.append(HlsTag.VERSION).append(3).append('\n');
        out.append(HlsTag.INDEPENDENT_SEGMENTS).append('\n');
        for (Variant v : variants) {
            out.append(HlsTag.STREAM_INF)
                    .append("BANDWIDTH=").append(v.bandwidthBps())
                    .append(",RESOLUTION=").append(v.width()).append('x').append(v.height());
            if (v.frameRate() > 0) {
                out.append(",FRAME-RATE=").append(String.format(Locale.ROOT, "%.3f", v.frameRate()));
            }
            out.append('\n')
                    .append(v.uri()).append('\n');
        }
        return out.toString();
    }

    public static MultivariantPlaylist parse(String text) {
        String[] lines = text.split("\r?\n");
        if (lines.length == 0 || !lines[0].strip().equals(HlsTag.HEADER)) {
            throw new IllegalArgumentException("not an HLS playlist: first line must be #EXTM3U");
        }
        List<Variant> variants = new ArrayList<>();
        String pending = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith(HlsTag.STREAM_INF)) {
                pending = line;
            } else if (pending != null && !line.isEmpty() && !line.startsWith("#")) {
                variants.add(new Variant(line, longOf(HlsTag.BANDWIDTH_RE.matcher(pending), 1),
                        intOf(HlsTag.RESOLUTION_RE.matcher(pending), 1), intOf(HlsTag.RESOLUTION_RE.matcher(pending), 2),
                        doubleOf(HlsTag.FRAME_RATE_RE.matcher(pending))));
                pending = null;
            }
        }
        return new MultivariantPlaylist(variants);
    }

    private static long longOf(Matcher m, int group) {
        return m.find() ? Long.parseLong(m.group(group)) : 0;
    }

    private static int intOf(Matcher m, int group) {
        return m.find() ? Integer.parseInt(m.group(group)) : 0;
    }

    private static double doubleOf(Matcher m) {
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
