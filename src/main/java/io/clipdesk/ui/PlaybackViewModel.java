package io.clipdesk.ui;

import io.clipdesk.ui.player.DvrPlayer;
import io.clipdesk.ui.player.PlayerCommand;
import io.clipdesk.ui.player.PlayerPicture;
import io.clipdesk.ui.player.PlayerStatus;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.image.Image;

/**
 * The player as the views see it: the picture, the wall-clock time of the picture shown, whether it plays and
 * follows the live edge. Commands go to the {@link DvrPlayer}'s thread; its reports come back through the
 * {@link FxBridge}, folded to at most one FX update per pulse.
 */
public final class PlaybackViewModel implements AutoCloseable {

    private final DvrPlayer player;
    private final PlayerPicture picture;
    private final ReadOnlyLongWrapper positionMs = new ReadOnlyLongWrapper(this, "positionMs");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live");
    private final ReadOnlyObjectWrapper<PlayerStatus> status = new ReadOnlyObjectWrapper<>(this, "status", PlayerStatus.IDLE);
    private final ReadOnlyLongWrapper framesShown = new ReadOnlyLongWrapper(this, "framesShown");
    private boolean resumeAfterScrub;

    /** @param player not started yet; reports to {@code playerUpdates}, which the caller wires to {@link #refresh()} */
    PlaybackViewModel(DvrPlayer player) {
        this.player = player;
        this.picture = new PlayerPicture(player);
    }

    void start() {
        player.start();
    }

    /** FX thread: takes the newest picture and status from the player. */
    void refresh() {
        long shownMs = picture.present();
        if (shownMs >= 0) {
            positionMs.set(shownMs);
            framesShown.set(picture.framesShown());
        }
        PlayerStatus now = player.status();
        status.set(now);
        playing.set(now.playing());
        live.set(now.live());
    }

    public void togglePlay() {
        player.send(PlayerCommand.of(PlayerCommand.Kind.TOGGLE_PLAY));
    }

    public void pause() {
        player.send(PlayerCommand.of(PlayerCommand.Kind.PAUSE));
    }

    /** J (backwards) and L (forwards). */
    public void shuttle(boolean forward) {
        player.send(PlayerCommand.shuttle(forward));
    }

    public void skip(long deltaMs) {
        player.send(PlayerCommand.skip(deltaMs));
    }

    public void stepFrames(int frames) {
        player.send(PlayerCommand.stepFrames(frames));
    }

    public void seek(long timeMs) {
        player.send(PlayerCommand.seek(timeMs));
    }

    public void goLive() {
        player.send(PlayerCommand.of(PlayerCommand.Kind.GO_LIVE));
    }

    /** Playback holds still while the editor drags the playhead and resumes after. */
    public void beginScrub() {
        resumeAfterScrub = isPlaying();
        player.send(PlayerCommand.of(PlayerCommand.Kind.PAUSE));
    }

    public void endScrub() {
        if (resumeAfterScrub) {
            player.send(PlayerCommand.of(PlayerCommand.Kind.PLAY));
        }
    }

    public Image picture() {
        return picture.image();
    }

    public ReadOnlyLongProperty positionMsProperty() { return positionMs.getReadOnlyProperty(); }
    public long getPositionMs() { return positionMs.get(); }

    public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }
    public boolean isPlaying() { return playing.get(); }

    public ReadOnlyBooleanProperty liveProperty() { return live.getReadOnlyProperty(); }
    public boolean isLive() { return live.get(); }

    public ReadOnlyObjectProperty<PlayerStatus> statusProperty() { return status.getReadOnlyProperty(); }

    public ReadOnlyLongProperty framesShownProperty() { return framesShown.getReadOnlyProperty(); }

    @Override
    public void close() {
        player.close();
    }
}
