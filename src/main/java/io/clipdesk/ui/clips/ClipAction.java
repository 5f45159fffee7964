package io.clipdesk.ui.clips;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One thing the editor can do to the selected clip, as the clips panel's action bar and a row's context menu show
 * it: {@code label} on the control (with "…" when it asks more first), {@code accessibleText} what a screen reader
 * says, {@code appliesTo} whether it can be done to a clip as it is now (checked at each selection and phase change,
 * and when the menu opens). Features add theirs with {@link ClipsPanel#addAction(ClipAction, boolean)}.
 */
public record ClipAction(String id, String label, String accessibleText, Predicate<ClipItem> appliesTo,
                         Consumer<ClipItem> run) {

    /** An action for any selected clip. */
    public static ClipAction always(String id, String label, String accessibleText, Consumer<ClipItem> run) {
        return new ClipAction(id, label, accessibleText, c -> true, run);
    }
}
