package io.clipdesk.media.clip;

import org.bytedeco.ffmpeg.avcodec.AVPacket;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sequence and picture parameter sets (SPS, PPS) an Annex B H.264 access unit carries in-band. Two GOPs with
 * equal sets splice without the decoder noticing; different sets need a player to reset (an HLS discontinuity).
 */
record H264ParameterSets(List<byte[]> units) {

    private static final int SPS = 7;
    private static final int PPS = 8;

    H264ParameterSets {
        units = List.copyOf(units);
    }

    static H264ParameterSets of(AVPacket packet) {
        byte[] data = new byte[packet.size()];
        packet.data().position(0).get(data);
        return of(data);
    }

    static H264ParameterSets of(byte[] accessUnit) {
        List<byte[]> units = new ArrayList<>();
        int start = nextUnit(accessUnit, 0);
        while (start >= 0 && start < accessUnit.length) {
            int next = nextUnit(accessUnit, start);
            int end = next < 0 ? accessUnit.length : next - 3;
            while (end > start && accessUnit[end - 1] == 0) {
                end--; // trailing zero bytes and a 4-byte start code's leading zero belong to no unit
            }
            int type = accessUnit[start] & 0x1F;
            if (type == SPS || type == PPS) {
                units.add(Arrays.copyOfRange(accessUnit, start, end));
            }
            start = next;
        }
        return new H264ParameterSets(units);
    }

    boolean isEmpty() {
        return units.isEmpty();
    }

    /** Same units in the same order, byte for byte. */
    boolean sameAs(H264ParameterSets other) {
        if (units.size() != other.units.size()) {
            return false;
        }
        for (int i = 0; i < units.size(); i++) {
            if (!Arrays.equals(units.get(i), other.units.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Index of the first byte after the next 00 00 01 at or after {@code from}, or -1. */
    private static int nextUnit(byte[] data, int from) {
        for (int i = from; i + 2 < data.length; i++) {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
                return i + 3;
            }
        }
        return -1;
    }
}
