package io.clipdesk.ui.clips;

/**
 * One picture of a clip to place the reframe window on: the clip's own size ({@code sourceWidth} x
 * {@code sourceHeight}, what the crop is computed in) and the decoded picture, smaller, as ARGB. {@code decoded} is
 * false when no decoder was at hand and the picture is blank.
 */
public record ClipStill(int sourceWidth, int sourceHeight, int width, int height, int[] argb, boolean decoded) {
}
