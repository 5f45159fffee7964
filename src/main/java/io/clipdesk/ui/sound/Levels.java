package io.clipdesk.ui.sound;

/**
 * What the meters show for one moment of the sound heard, per channel (left, right): the sample peak over the
 * last 50 ms in dBFS, and the EBU R128 momentary loudness (K-weighted, 400 ms) in LUFS, {@link #FLOOR} for silence.
 */
public record Levels(double peakLeftDbfs, double peakRightDbfs, double momentaryLeftLufs, double momentaryRightLufs) {

    public static final double FLOOR = -70;
    public static final Levels SILENCE = new Levels(FLOOR, FLOOR, FLOOR, FLOOR);
    /** A peak this close to full scale is drawn as clipping: the source was probably limited or overloaded. */
    public static final double CLIP_DBFS = -0.1;

    public boolean clipped() {
        return peakLeftDbfs >= CLIP_DBFS || peakRightDbfs >= CLIP_DBFS;
    }

    static double dbfs(double peak) {
        return peak <= 0 ? FLOOR : Math.max(FLOOR, 20 * Math.log10(peak));
    }

    /** BS.1770: −0.691 + 10·log10 of the K-weighted mean square (channel weight 1 for left and right). */
    static double lufs(double meanSquare) {
        return meanSquare <= 0 ? FLOOR : Math.max(FLOOR, -0.691 + 10 * Math.log10(meanSquare));
    }
}
