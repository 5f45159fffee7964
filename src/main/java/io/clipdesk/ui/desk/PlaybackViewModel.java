package io.clipdesk.ui.desk;

import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.ui.clipform.ClipFormViewModel;
import io.clipdesk.ui.form.Timecode;
import io.clipdesk.ui.player.DvrPlayer;
import io.clipdesk.ui.player.PlayerCommand;
import io.clipdesk.ui.player.PlayerPicture;
import io.clipdesk.ui.player.PlayerStatus;
import io.clipdesk.ui.player.SoundTrack;
import io.clipdesk.ui.sound.Levels;
import io.clipdesk.ui.threads.FxBridge;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.image.Image;

import java.time.ZoneId;

/**
 * The player as the views see it: the picture, the wall-clock time of the picture shown, whether it plays and
 * follows the live edge. Commands go to the {@link DvrPlayer}'s thread; its reports come back through the
 * {@link FxBridge}, folded to at most one FX update per pulse.
 */
public final class PlaybackViewModel implements AutoCloseable {

    private final DvrPlayer player;
    private final SoundTrack sound;
    private final IntegerProperty volumePercent = new SimpleIntegerProperty(this, "volumePercent", 100);
    private final BooleanProperty muted = new SimpleBooleanProperty(this, "muted");
    private final ReadOnlyStringWrapper soundNote = new ReadOnlyStringWrapper(this, "soundNote", "");
    private final PlayerPicture picture;
    private final ReadOnlyLongWrapper positionMs = new ReadOnlyLongWrapper(this, "positionMs");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live");
    private final ReadOnlyObjectWrapper<PlayerStatus> status = new ReadOnlyObjectWrapper<>(this, "status", PlayerStatus.IDLE);
    private final ReadOnlyLongWrapper framesShown = new ReadOnlyLongWrapper(this, "framesShown");
    private final StringBinding positionText;
    private final StringBinding badgeText;
    private final StringBinding rateText;
    private boolean resumeAfterScrub;

    /**
     * @param player not started yet; its updates must be wired to {@link #refresh()} through the bridge
     * @param sound  the player's sound, not started yet
     */
    PlaybackViewModel(DvrPlayer player, SoundTrack sound, ZoneId zone, ObservableValue<DvrWindow> window) {
        this.player = player;
        this.sound = sound;
        volumePercent.addListener((o, was, now) -> applyVolume());
        muted.addListener((o, was, now) -> applyVolume());
        this.picture = new PlayerPicture(player);
        positionText = Bindings.createStringBinding(() -> timecode(positionMs.get(), zone), positionMs);
        badgeText = Bindings.createStringBinding(() -> live.get() ? "LIVE"
                : "DVR −" + ClipFormViewModel.span(Math.max(0, window.getValue().endMs() - positionMs.get()) / 1000),
                live, positionMs, window);
        rateText = Bindings.createStringBinding(() -> rateText(status.get()), status);
    }

    /** "❚❚ paused", "▶ 1×", "▶▶ 4×", "◀◀ 2×", "▶ ½×": what the transport bar says the player does. */
    static String rateText(PlayerStatus s) {
        if (!s.playing()) {
            return "❚❚ paused";
        }
        double speed = Math.abs(s.rate());
        String times = speed == 0.5 ? "½×" : speed == 0.25 ? "¼×" : speed >= 1 ? Math.round(speed) + "×"
                : speed + "×";
        String arrow = s.rate() < 0 ? (speed > 1 ? "◀◀ " : "◀ ") : (speed > 1 ? "▶▶ " : "▶ ");
        return arrow + times;
    }

    /** Broadcast timecode of a wall-clock instant: local HH:MM:SS:FF at 25 frames per second. */
    public static String timecode(long ms, ZoneId zone) {
        return Timecode.format(ms, zone);
    }

    void start() {
        sound.start();
        player.start();
    }

    private void applyVolume() {
        sound.setVolume(volumePercent.get() / 100.0, muted.get());
    }

    /** FX thread: a short, quiet note about the sound ("no audio output"), shown once in the status bar. */
    void noteSound(String note) {
        soundNote.set(note);
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

    /** Slow motion forwards at 1/{@code divisor} speed: 2 (½×) or 4 (¼×). */
    public void slow(int divisor) {
        player.send(PlayerCommand.slow(divisor));
    }

    /** Shift+L: ½×, and from ½× on to ¼×. */
    public void slower() {
        slow(isPlaying() && status.get().rate() == 0.5 ? 4 : 2);
    }

    public void toggleMute() {
        muted.set(!muted.get());
    }

    /** The meters' levels for the sound heard now (any thread). */
    public Levels levels() {
        return sound.levels();
    }

    /** Times the sound output ran dry while playing. */
    public long soundUnderruns() {
        return sound.underruns();
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

    /** The picture's wall-clock time as HH:MM:SS:FF. */
    public StringBinding positionTextProperty() { return positionText; }
    /** "LIVE" while following the live edge, otherwise how far behind it the picture is. */
    public StringBinding badgeTextProperty() { return badgeText; }
    /** Direction and speed, or paused (see {@link #rateText(PlayerStatus)}). */
    public StringBinding rateTextProperty() { return rateText; }

    public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }
    public boolean isPlaying() { return playing.get(); }

    public ReadOnlyBooleanProperty liveProperty() { return live.getReadOnlyProperty(); }
    public boolean isLive() { return live.get(); }

    public ReadOnlyObjectProperty<PlayerStatus> statusProperty() { return status.getReadOnlyProperty(); }

    public ReadOnlyLongProperty framesShownProperty() { return framesShown.getReadOnlyProperty(); }

    /** Listening level 0–100, remembered between runs (the meters do not follow it). */
    public IntegerProperty volumePercentProperty() { return volumePercent; }
    public BooleanProperty mutedProperty() { return muted; }
    public ReadOnlyStringProperty soundNoteProperty() { return soundNote.getReadOnlyProperty(); }

    @Override
    public void close() {
        player.close();
        sound.close();
    }
}
