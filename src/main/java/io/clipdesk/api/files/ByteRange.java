package io.clipdesk.api.files;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a file of known size (RFC 9110 §14). Only single ranges are honoured: a header we do
 * not understand, or a list of ranges, is ignored and the whole file is sent, which the RFC allows.
 */
record ByteRange(long first, long last, long size) {

    private static final Pattern SINGLE = Pattern.compile("bytes=\\s*([0-9]{0,18})\\s*-\\s*([0-9]{0,18})\\s*");

    /** True when the range lies (at least partly) inside the file; false means 416. */
    boolean satisfiable() {
        return first >= 0 && first <= last && first < size;
    }

    long length() {
        return last - first + 1;
    }

    String contentRange() {
        return satisfiable() ? "bytes " + first + "-" + last + "/" + size : "bytes */" + size;
    }

    /** Empty when the whole file should be sent. */
    static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header);
        if (!m.matches()) {
            return Optional.empty();
        }
        String from = m.group(1);
        String to = m.group(2);
        if (from.isEmpty() && to.isEmpty()) {
            return Optional.empty();
        }
        if (from.isEmpty()) {
            long suffix = Long.parseLong(to);
            if (suffix == 0 || size == 0) {
                return Optional.of(new ByteRange(-1, -1, size));
            }
            return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1, size));
        }
        long first = Long.parseLong(from);
        long last = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
        if (!to.isEmpty() && Long.parseLong(to) < first) {
            return Optional.empty(); // syntactically invalid: ignore, send it all
        }
        if (first >= size) {
            return Optional.of(new ByteRange(-1, -1, size));
        }
        return Optional.of(new ByteRange(first, last, size));
    }
}
