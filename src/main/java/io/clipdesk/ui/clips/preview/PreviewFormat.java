package io.clipdesk.ui.clips.preview;

/** What the preview plays: the HLS playlists or the MP4 file. */
public enum PreviewFormat {
    HLS, MP4
}
