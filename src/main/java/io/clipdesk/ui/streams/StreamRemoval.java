package io.clipdesk.ui.streams;

import io.clipdesk.ui.timeline.GapBand;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The question before a stream is removed, saying exactly what the engine does: ingest stops and the DVR is
 * deleted at once; clips already made are copies and keep playing (their links too) until each expires, but leave
 * this stream's list; a clip still recording keeps what was copied by then; permanent videos stay.
 */
public final class StreamRemoval {

    public static final ButtonType REMOVE = new ButtonType("Remove stream", ButtonBar.ButtonData.OK_DONE);
    public static final ButtonType KEEP = new ButtonType("Keep it", ButtonBar.ButtonData.CANCEL_CLOSE);

    private StreamRemoval() {
    }

    /** The confirmation's text. */
    public static String question(StreamsViewModel.Removal removal) {
        StreamEntry entry = removal.entry();
        long heldMs = entry.state().window().lengthMs();
        String dvr = heldMs <= 0 ? "Ingest stops and its DVR (empty now) is deleted."
                : "Ingest stops and its DVR is deleted now: " + GapBand.lengthText(heldMs) + " of media ("
                + megabytes(entry.state().dvrBytes()) + "). This cannot be undone.";
        String clips = removal.unexpiredClips() == 0 ? "It has no clips that have not expired."
                : (removal.unexpiredClips() == 1 ? "Its clip that has not expired stays"
                : "Its " + removal.unexpiredClips() + " clips that have not expired stay")
                + ": files and links keep working until each expires, but they leave this window's clip list."
                + (removal.recordingClips() == 0 ? "" : removal.recordingClips() == 1
                ? " The clip still recording keeps only what was recorded before the removal."
                : " The " + removal.recordingClips() + " clips still recording keep only what was recorded before"
                + " the removal.");
        return dvr + "\n\n" + clips + "\n\nPermanent videos stay in the library.";
    }

    /** Asks, and runs {@code remove} only when the editor confirms. FX thread. */
    public static void confirm(StreamsViewModel.Removal removal, Supplier<List<String>> stylesheets, Window owner,
                               Runnable remove) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question(removal), REMOVE, KEEP);
        alert.setTitle("Remove stream");
        alert.setHeaderText("Remove “" + removal.entry().name() + "”?");
        alert.getDialogPane().getStylesheets().addAll(stylesheets.get());
        alert.getDialogPane().getStyleClass().addAll("clipdesk", "stream-dialog");
        alert.getDialogPane().setId("stream-remove-confirm");
        alert.getDialogPane().lookupButton(REMOVE).setId("stream-remove-yes");
        alert.getDialogPane().lookupButton(KEEP).setId("stream-remove-no");
        // The safe answer is the default: Enter keeps the stream.
        ((Button) alert.getDialogPane().lookupButton(REMOVE)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(KEEP)).setDefaultButton(true);
        alert.initOwner(owner);
        alert.resultProperty().addListener((o, was, answer) -> {
            if (answer == REMOVE) {
                remove.run();
            }
        });
        alert.show();
    }

    public static void failed(StreamEntry entry, RuntimeException e, Window owner) {
        Alert alert = new Alert(Alert.AlertType.ERROR, StreamDialogViewModel.sentence(e));
        alert.setHeaderText("“" + entry.name() + "” could not be removed");
        alert.initOwner(owner);
        alert.show();
    }

    private static String megabytes(long bytes) {
        return bytes < 1024L * 1024 * 1024 ? String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%.1f GB", bytes / 1073741824.0);
    }
}
