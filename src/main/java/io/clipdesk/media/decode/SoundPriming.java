package io.clipdesk.media.decode;

import java.io.ByteArrayOutputStream;

/**
 * The bytes that let a segment's sound be decoded as if the decoder had gone on from the segment before it: that
 * segment's program tables and its last audio PES, as MPEG-TS packets. An AAC decoder started cold on a segment has
 * nothing to overlap its first frame with, so it gives that frame's first 448 samples as silence and fades in the
 * rest: heard as a tick at every segment join. Fed these packets first, it decodes the previous segment's last
 * frames (played already, so dropped by their times) and the segment's first frame whole.
 */
final class SoundPriming {

    private static final int PACKET = 188;
    private static final int SYNC = 0x47;
    private static final int PAT_PID = 0;
    /** ISO/IEC 13818-1 stream types of AAC: ADTS and LATM. */
    private static final int AAC_ADTS = 0x0F;
    private static final int AAC_LATM = 0x11;

    private SoundPriming() {
    }

    /**
     * The priming packets taken from {@code previous} (a whole MPEG-TS segment): its first PAT and PMT, then every
     * packet of its audio stream from the start of its last PES on; empty when it has no AAC audio or is not
     * plain 188-byte MPEG-TS.
     */
    static byte[] from(byte[] previous) {
        if (previous.length < PACKET || previous.length % PACKET != 0) {
            return new byte[0];
        }
        int pat = -1;
        int pmt = -1;
        int pmtPid = -1;
        int audioPid = -1;
        int lastAudioStart = -1;
        for (int at = 0; at + PACKET <= previous.length; at += PACKET) {
            if ((previous[at] & 0xFF) != SYNC) {
                return new byte[0];
            }
            int pid = pid(previous, at);
            boolean unitStart = (previous[at + 1] & 0x40) != 0;
            if (pid == PAT_PID && pat < 0 && unitStart) {
                pat = at;
                pmtPid = pmtPidOf(previous, at);
            } else if (pid == pmtPid && pmt < 0 && unitStart) {
                pmt = at;
                audioPid = audioPidOf(previous, at);
            } else if (pid == audioPid && audioPid >= 0 && unitStart) {
                lastAudioStart = at;
            }
        }
        if (pat < 0 || pmt < 0 || lastAudioStart < 0) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(previous, pat, PACKET);
        out.write(previous, pmt, PACKET);
        for (int at = lastAudioStart; at + PACKET <= previous.length; at += PACKET) {
            if (pid(previous, at) == audioPid) {
                out.write(previous, at, PACKET);
            }
        }
        return out.toByteArray();
    }

    private static int pid(byte[] ts, int at) {
        return ((ts[at + 1] & 0x1F) << 8) | (ts[at + 2] & 0xFF);
    }

    /** Where a packet's payload starts, after its adaptation field; -1 when it carries none. */
    private static int payload(byte[] ts, int at) {
        int control = (ts[at + 3] >> 4) & 0x3;
        if ((control & 0x1) == 0) {
            return -1;
        }
        int p = at + 4;
        if ((control & 0x2) != 0) {
            p += 1 + (ts[p] & 0xFF);
        }
        return p < at + PACKET ? p : -1;
    }

    /** The PMT's PID from the first program of a PAT section in one packet; -1 when there is none. */
    private static int pmtPidOf(byte[] ts, int at) {
        int p = payload(ts, at);
        if (p < 0) {
            return -1;
        }
        p += 1 + (ts[p] & 0xFF); // pointer field
        int end = Math.min(at + PACKET, p + 3 + (((ts[p + 1] & 0x0F) << 8) | (ts[p + 2] & 0xFF)) - 4);
        for (int e = p + 8; e + 4 <= end; e += 4) {
            int program = ((ts[e] & 0xFF) << 8) | (ts[e + 1] & 0xFF);
            if (program != 0) {
                return ((ts[e + 2] & 0x1F) << 8) | (ts[e + 3] & 0xFF);
            }
        }
        return -1;
    }

    /** The PID of the first AAC stream a PMT section in one packet lists; -1 when it lists none. */
    private static int audioPidOf(byte[] ts, int at) {
        int p = payload(ts, at);
        if (p < 0) {
            return -1;
        }
        p += 1 + (ts[p] & 0xFF);
        int end = Math.min(at + PACKET, p + 3 + (((ts[p + 1] & 0x0F) << 8) | (ts[p + 2] & 0xFF)) - 4);
        int programInfo = ((ts[p + 10] & 0x0F) << 8) | (ts[p + 11] & 0xFF);
        for (int e = p + 12 + programInfo; e + 5 <= end; ) {
            int type = ts[e] & 0xFF;
            int pid = ((ts[e + 1] & 0x1F) << 8) | (ts[e + 2] & 0xFF);
            if (type == AAC_ADTS || type == AAC_LATM) {
                return pid;
            }
            e += 5 + (((ts[e + 3] & 0x0F) << 8) | (ts[e + 4] & 0xFF));
        }
        return -1;
    }
}
