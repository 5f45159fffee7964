package io.clipdesk.engine.hls;

import java.util.regex.Pattern;

/** The HLS tags Clipdesk writes and reads (RFC 8216), each beside the pattern that reads it back. */
final class HlsTag {

    static final String HEADER = "#EXTM3U";
    static final String VERSION = "#EXT-X-VERSION:";
    static final String TARGET_DURATION = "#EXT-X-TARGETDURATION:";
    static final Pattern TARGET_DURATION_RE = Pattern.compile("#EXT-X-TARGETDURATION:(\\d+)");
    static final String MEDIA_SEQUENCE = "#EXT-X-MEDIA-SEQUENCE:";
    static final Pattern MEDIA_SEQUENCE_RE = Pattern.compile("#EXT-X-MEDIA-SEQUENCE:(\\d+)");
    static final String PLAYLIST_TYPE = "#EXT-X-PLAYLIST-TYPE:";
    static final Pattern PLAYLIST_TYPE_RE = Pattern.compile("#EXT-X-PLAYLIST-TYPE:(VOD|EVENT)");
    static final String INDEPENDENT_SEGMENTS = "#EXT-X-INDEPENDENT-SEGMENTS";
    static final String PROGRAM_DATE_TIME = "#EXT-X-PROGRAM-DATE-TIME:";
    static final Pattern PROGRAM_DATE_TIME_RE = Pattern.compile("#EXT-X-PROGRAM-DATE-TIME:(\\S+)");
    static final String DISCONTINUITY = "#EXT-X-DISCONTINUITY";
    static final String INF = "#EXTINF:";
    static final Pattern INF_RE = Pattern.compile("#EXTINF:([0-9.]+),.*");
    static final String END_LIST = "#EXT-X-ENDLIST";
    static final String STREAM_INF = "#EXT-X-STREAM-INF:";
    static final Pattern BANDWIDTH_RE = Pattern.compile("[:,]BANDWIDTH=(\\d+)");
    static final Pattern RESOLUTION_RE = Pattern.compile("[:,]RESOLUTION=(\\d+)x(\\d+)");
    static final Pattern FRAME_RATE_RE = Pattern.compile("[:,]FRAME-RATE=([0-9.]+)");

    private HlsTag() {
    }
}
