package io.clipdesk.api.files;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a file of known size (RFC 9110 §14). Only single ranges are honoured: a header we do
 * not understand, or a list of ranges, is ignored and the whole file is sent, which the RFC allows.
 */
record ByteRange(long first, long last, long size) {

    private static final Pattern SINGLE = Pattern.compile("bytes=\\s*([0-9]*)\\s*-\\s*([0-9]*)\\s*");
    /** More digits than this may not fit a long; no file is that long anyway. */
    private static final int MAX_DIGITS = 18;

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

    /**
     * The range a request asks for: empty when the whole file should be sent. A request with {@code If-Range} gets
     * the whole file: it asks for the range only if the file is still the one its validator names, and these
     * responses carry no validator (no ETag, no Last-Modified), so none can match (RFC 9110 §13.1.5).
     */
    static Optional<ByteRange> requested(String range, String ifRange, long size) {
        return ifRange != null ? Optional.empty() : parse(range, size);
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
            long suffix = number(to);
            if (suffix == 0 || size == 0) {
                return Optional.of(new ByteRange(-1, -1, size));
            }
            return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1, size));
        }
        long first = number(from);
        long last = to.isEmpty() ? size - 1 : Math.min(number(to), size - 1);
        if (!to.isEmpty() && number(to) < first) {
            return Optional.empty(); // syntactically invalid: ignore, send it all
        }
        if (first >= size) {
            return Optional.of(new ByteRange(-1, -1, size));
        }
        return Optional.of(new ByteRange(first, last, size));
    }

    /** A position; one too long for a long stands for "past any file" ({@link Long#MAX_VALUE}). */
    private static long number(String digits) {
        String significant = digits.replaceFirst("^0+(?=.)", "");
        return significant.length() > MAX_DIGITS ? Long.MAX_VALUE : Long.parseLong(significant);
    }
}
