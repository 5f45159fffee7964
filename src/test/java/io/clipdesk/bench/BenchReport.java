package io.clipdesk.bench;

import java.util.Arrays;
import java.util.Locale;

/** Prints benchmark lines as "figure  value  unit  (reference, ratio, target)". */
final class BenchReport {

    private BenchReport() {
    }

    static void line(String figure, String value, String comparison) {
        System.out.printf(Locale.ROOT, "  %-46s %18s   %s%n", figure, value, comparison);
        System.out.flush();
    }

    static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String verdict(boolean met) {
        return met ? "MET" : "MISSED";
    }
}
