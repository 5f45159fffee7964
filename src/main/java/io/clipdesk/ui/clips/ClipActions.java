package io.clipdesk.ui.clips;

import java.util.function.Consumer;

/** What a clip row's menu and the action bar can do to a clip; the panel supplies them. */
record ClipActions(Consumer<ClipItem> previewHls, Consumer<ClipItem> previewMp4, Consumer<ClipItem> copyHls,
                   Consumer<ClipItem> copyMp4, Consumer<ClipItem> saveMp4, Consumer<ClipItem> reveal,
                   Consumer<ClipItem> keep, Consumer<ClipItem> delete, Consumer<ClipItem> describe) {
}
