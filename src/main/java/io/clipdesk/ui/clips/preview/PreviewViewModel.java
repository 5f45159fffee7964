package io.clipdesk.ui.clips.preview;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableLongValue;
import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;
import javafx.util.Duration;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The preview player of the selected clip or video: JavaFX's MediaPlayer on the engine's HLS or MP4 over http.
 * The media to play is a binding of (source, format, rendition, clock): when it changes the old player is stopped
 * and disposed and a new one made, so a clip that becomes ready starts playing by itself and an expired one stops.
 * FX thread only.
 */
public final class PreviewViewModel implements AutoCloseable {

    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("HH:mm:ss.S");

    private final ReadOnlyObjectWrapper<PreviewSource> source = new ReadOnlyObjectWrapper<>(this, "source", PreviewSource.NONE);
    private final ReadOnlyObjectWrapper<PreviewFormat> format = new ReadOnlyObjectWrapper<>(this, "format", PreviewFormat.HLS);
    private final ReadOnlyStringWrapper rendition = new ReadOnlyStringWrapper(this, "rendition", "");
    private final ReadOnlyObjectWrapper<MediaPlayer> player = new ReadOnlyObjectWrapper<>(this, "player");
    private final ReadOnlyStringWrapper playerError = new ReadOnlyStringWrapper(this, "playerError", "");
    private final ReadOnlyLongWrapper positionMs = new ReadOnlyLongWrapper(this, "positionMs");
    private final ReadOnlyLongWrapper durationMs = new ReadOnlyLongWrapper(this, "durationMs");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final BooleanBinding playable;
    private final StringBinding url;
    private final StringBinding message;
    private final StringBinding clipTimeText;
    private final StringBinding wallTimeText;
    private final ObjectBinding<List<PreviewSource.Rendition>> renditions;
    private boolean playWhenLoaded;
    private boolean atEnd;

    public PreviewViewModel(ObservableLongValue nowMs, ZoneId zone) {
        playable = Bindings.createBooleanBinding(() -> source.get().playableAt(nowMs.get()), source, nowMs);
        url = Bindings.createStringBinding(() -> playable.get() ? source.get().url(format.get(), rendition.get()) : "",
                playable, source, format, rendition);
        message = Bindings.createStringBinding(() -> playable.get() ? playerError.get()
                : source.get().messageAt(nowMs.get(), zone), playable, playerError, source, nowMs);
        clipTimeText = Bindings.createStringBinding(() -> clipTime(positionMs.get()) + " / " + clipTime(durationMs.get()),
                positionMs, durationMs);
        wallTimeText = Bindings.createStringBinding(() -> source.get().wallStartMs() <= 0 ? ""
                : WALL.format(Instant.ofEpochMilli(source.get().wallStartMs() + positionMs.get()).atZone(zone)),
                source, positionMs);
        renditions = Bindings.createObjectBinding(() -> source.get().links().renditions(), source);
        url.addListener((o, was, now) -> load(now));
    }

    /** Shows a clip or video, paused; the same source refreshed keeps playing. */
    public void show(PreviewSource next) {
        if (!next.key().equals(source.get().key())) {
            playWhenLoaded = false;
            rendition.set("");
        }
        source.set(next);
    }

    /** Shows and plays in the given format (as soon as the clip is ready, when it is not yet). */
    public void play(PreviewSource next, PreviewFormat inFormat) {
        show(next);
        playWhenLoaded = true;
        if (format.get() == inFormat && player.get() != null) {
            resume();
        }
        format.set(inFormat);
    }

    public void chooseFormat(PreviewFormat next) {
        format.set(next);
    }

    /** Empty = auto (the master). */
    public void chooseRendition(String name) {
        rendition.set(name == null ? "" : name);
    }

    public void playPause() {
        MediaPlayer p = player.get();
        if (p == null) {
            return;
        }
        if (p.getStatus() == MediaPlayer.Status.PLAYING && !atEnd) {
            p.pause();
            playWhenLoaded = false;
        } else {
            resume();
        }
    }

    /** Pauses where it is (the desk's DVR player started), staying paused if it was still loading. */
    public void pause() {
        MediaPlayer p = player.get();
        playWhenLoaded = false;
        if (p != null) {
            p.pause();
        }
    }

    public void seek(long ms) {
        MediaPlayer p = player.get();
        if (p != null) {
            long to = Math.max(0, Math.min(ms, durationMs.get()));
            atEnd = false;
            positionMs.set(to);
            p.seek(Duration.millis(to));
        }
    }

    private void resume() {
        MediaPlayer p = player.get();
        playWhenLoaded = true;
        if (atEnd) {
            atEnd = false;
            p.seek(Duration.ZERO);
        }
        p.play();
    }

    private void load(String mediaUrl) {
        MediaPlayer old = player.get();
        player.set(null);
        if (old != null) {
            old.stop();
            old.dispose();
        }
        playerError.set("");
        positionMs.set(0);
        durationMs.set(0);
        playing.set(false);
        atEnd = false;
        if (mediaUrl.isEmpty()) {
            return;
        }
        try {
            MediaPlayer next = new MediaPlayer(new Media(mediaUrl));
            next.currentTimeProperty().addListener((o, was, now) -> positionMs.set((long) now.toMillis()));
            next.totalDurationProperty().addListener((o, was, now) -> durationMs.set(finite(now)));
            next.statusProperty().addListener((o, was, now) -> playing.set(now == MediaPlayer.Status.PLAYING && !atEnd));
            next.setOnEndOfMedia(() -> {
                atEnd = true;
                playing.set(false);
                next.pause();
            });
            next.setOnError(() -> playerError.set("Cannot play " + format.get() + ": " + next.getError().getMessage()));
            next.setAutoPlay(playWhenLoaded);
            player.set(next);
        } catch (MediaException | IllegalArgumentException e) {
            playerError.set("Cannot play " + format.get() + ": " + e.getMessage());
        }
    }

    private static long finite(Duration d) {
        return d == null || d.isUnknown() || d.isIndefinite() ? 0 : (long) d.toMillis();
    }

    /** m:ss.t */
    static String clipTime(long ms) {
        long tenths = Math.max(0, ms) / 100;
        return String.format("%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
    }

    public ReadOnlyObjectProperty<PreviewSource> sourceProperty() { return source.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PreviewFormat> formatProperty() { return format.getReadOnlyProperty(); }
    public ReadOnlyStringProperty renditionProperty() { return rendition.getReadOnlyProperty(); }
    public ObjectBinding<List<PreviewSource.Rendition>> renditionsProperty() { return renditions; }
    public ReadOnlyObjectProperty<MediaPlayer> playerProperty() { return player.getReadOnlyProperty(); }
    public ReadOnlyLongProperty positionMsProperty() { return positionMs.getReadOnlyProperty(); }
    public ReadOnlyLongProperty durationMsProperty() { return durationMs.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }
    public BooleanBinding playableProperty() { return playable; }
    /** What shows instead of the picture; empty while a picture can show. */
    public StringBinding messageProperty() { return message; }
    /** The media URL playing now; empty when nothing can play. */
    public StringBinding urlProperty() { return url; }
    public StringBinding clipTimeTextProperty() { return clipTimeText; }
    /** The wall-clock time of the frame shown (clip cut start + position), empty when unknown. */
    public StringBinding wallTimeTextProperty() { return wallTimeText; }

    public long getPositionMs() { return positionMs.get(); }

    @Override
    public void close() {
        source.set(PreviewSource.NONE);
    }
}
