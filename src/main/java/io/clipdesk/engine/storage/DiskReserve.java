package io.clipdesk.engine.storage;

import java.util.Locale;

/**
 * How much of the data dir's file system the DVR leaves free: the smaller of a size and a share of the disk, so a
 * laptop's disk keeps a few gigabytes for everything else and a small disk is not handed over to the reserve whole.
 * {@link #NONE} keeps nothing back (the DVR then only stops at a full disk).
 */
public record DiskReserve(long bytes, int percent) {

    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;

    /** 5 GiB or 10 % of the disk, whichever is smaller. */
    public static final DiskReserve DEFAULT = new DiskReserve(5 * GIB, 10);
    public static final DiskReserve NONE = new DiskReserve(0, 0);

    public DiskReserve {
        if (bytes < 0 || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a disk reserve is a size of 0 or more and a share of 0–100 %");
        }
    }

    /** The free space to keep on a file system of {@code totalBytes}. */
    public long bytesOf(long totalBytes) {
        return Math.min(bytes, Math.max(0, totalBytes) * percent / 100);
    }

    /**
     * Reads {@code 5G}, {@code 512M}, {@code 10%}, both as {@code 5G,10%} (the smaller wins), or {@code 0}.
     *
     * @throws IllegalArgumentException with a sentence saying the accepted forms
     */
    public static DiskReserve parse(String text) {
        long bytes = Long.MAX_VALUE;
        int percent = 100;
        try {
            for (String part : text.strip().toUpperCase(Locale.ROOT).split(",", -1)) {
                String p = part.strip();
                if (p.endsWith("%")) {
                    percent = Integer.parseInt(p.substring(0, p.length() - 1).strip());
                } else {
                    bytes = size(p);
                }
            }
        } catch (NumberFormatException | ArithmeticException e) {
            percent = -1;
        }
        if (bytes < 0 || percent < 0 || percent > 100 || (bytes == Long.MAX_VALUE && percent == 100)) {
            throw new IllegalArgumentException("--disk-reserve takes a size (5G, 512M), a share of the disk (10%), "
                    + "both (5G,10%: the smaller wins) or 0 for none, got " + text);
        }
        return bytes == 0 || percent == 0 ? NONE : new DiskReserve(bytes, percent);
    }

    private static long size(String p) {
        char unit = p.isEmpty() ? ' ' : p.charAt(p.length() - 1);
        long scale = switch (unit) {
            case 'K' -> 1024;
            case 'M' -> MIB;
            case 'G' -> GIB;
            case 'T' -> 1024 * GIB;
            default -> 1;
        };
        String digits = scale == 1 ? p : p.substring(0, p.length() - 1);
        return Math.multiplyExact(Long.parseLong(digits.strip()), scale);
    }

    /** For the operator: "5 GB or 10 % of the disk, whichever is smaller". */
    public String describe() {
        if (bytes == 0 || percent == 0) {
            return "nothing (the DVR stops only at a full disk)";
        }
        String size = bytes == Long.MAX_VALUE ? null : DiskStatus.megabytes(bytes);
        return size == null ? percent + " % of the disk"
                : percent == 100 ? size : size + " or " + percent + " % of the disk, whichever is smaller";
    }
}
