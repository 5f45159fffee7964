package io.clipdesk.ui.desk;

import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.engine.stream.StreamState;
import io.clipdesk.ui.player.PlayerStatus;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusViewModelTest {

    private static final long MB = 1L << 20;
    private final SimpleObjectProperty<PlayerStatus> player = new SimpleObjectProperty<>(PlayerStatus.IDLE);
    private final SimpleStringProperty soundNote = new SimpleStringProperty("");
    private final StatusViewModel vm = new StatusViewModel(player, soundNote, new SimpleLongProperty(0),
            new SimpleObjectProperty<LiveStream>());

    @Test
    void playerLine_namesSlowMotion_andSaysQuietlyWhenNothingCanBeHeard() {
        player.set(new PlayerStatus(0, true, 0.5, false, 0, 0, 0, 0, 0, 0, 0, ""));
        assertEquals("Player slow ½×", vm.playerTextProperty().get());
        soundNote.set("no audio output");
        assertEquals("Player slow ½× · no audio output", vm.playerTextProperty().get());
        player.set(new PlayerStatus(0, true, -4, false, 0, 0, 0, 0, 0, 0, 0, ""));
        assertEquals("Player shuttle −4× · no audio output", vm.playerTextProperty().get());
    }

    private static StreamState state(SourceHealth health, String detail) {
        return new StreamState(1, health, detail, DvrWindow.EMPTY, 0, 0, 6 * MB);
    }

    @Test
    void fullDisk_saysDiskFullInTheStatusBar_forTheDiskAndTheStreamsHealth() {
        vm.update(state(SourceHealth.DISK_FULL, "disk full: the data folder's disk has no room for new media"),
                new StatusViewModel.Disk(6 * MB, MB, 40 * MB, true));

        assertEquals("DISK FULL · DVR uses 6 MB · free 1 MB of 40 MB", vm.diskTextProperty().get());
        assertTrue(vm.healthTextProperty().get().startsWith("DISK FULL — disk full: the data folder's disk"),
                vm.healthTextProperty().get());
        assertTrue(vm.diskProperty().get().full());
    }

    @Test
    void diskWithRoom_showsItsFiguresOnly() {
        vm.update(state(SourceHealth.LIVE, "receiving"), new StatusViewModel.Disk(6 * MB, 30 * MB, 40 * MB, false));

        assertEquals("DVR uses 6 MB · free 30 MB of 40 MB", vm.diskTextProperty().get());
        assertEquals("LIVE", vm.healthTextProperty().get());
        assertFalse(vm.diskProperty().get().full());
    }

    @Test
    void aLostServer_outranksTheStreamsHealth_untilItAnswersAgain() {
        vm.update(state(SourceHealth.LIVE, "receiving"), new StatusViewModel.Disk(6 * MB, 30 * MB, 40 * MB, false));
        vm.setConnectionTrouble("Cannot reach the clip server at http://10.0.0.5:8080: Connection refused; "
                + "trying again in 2 s");
        assertEquals("SERVER UNREACHABLE — Cannot reach the clip server at http://10.0.0.5:8080: Connection refused; "
                + "trying again in 2 s", vm.healthTextProperty().get());
        vm.setConnectionTrouble("");
        assertEquals("LIVE", vm.healthTextProperty().get());
    }
}
