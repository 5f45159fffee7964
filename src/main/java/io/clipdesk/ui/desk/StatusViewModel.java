package io.clipdesk.ui.desk;

import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.engine.stream.StreamState;
import io.clipdesk.ui.clipform.ClipFormViewModel;
import io.clipdesk.ui.player.PlayerStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

import java.util.Locale;

/** The status bar's facts, readable at a glance: stream health, DVR depth, disk, engine address, player. */
public final class StatusViewModel {

    /** Disk figures of the data dir; {@code full} when the engine says it is (below its reserve, or writes fail). */
    public record Disk(long dvrBytes, long freeBytes, long totalBytes, boolean full) {
        static final Disk UNKNOWN = new Disk(0, -1, -1, false);
    }

    private final ReadOnlyObjectWrapper<StreamState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyObjectWrapper<SourceHealth> health = new ReadOnlyObjectWrapper<>(this, "health", SourceHealth.STARTING);
    private final ReadOnlyObjectWrapper<Disk> disk = new ReadOnlyObjectWrapper<>(this, "disk", Disk.UNKNOWN);
    private final ReadOnlyStringWrapper engineAddress = new ReadOnlyStringWrapper(this, "engineAddress", "embedded");
    /** What is wrong with the connection to the engine ("" when nothing): it outranks the stream's own health. */
    private final ReadOnlyStringWrapper connectionTrouble = new ReadOnlyStringWrapper(this, "connectionTrouble", "");
    private final StringBinding healthText;
    private final StringBinding dvrText;
    private final StringBinding diskText;
    private final StringBinding playerText;

    StatusViewModel(ObservableValue<PlayerStatus> player, ObservableValue<String> soundNote,
                    ObservableValue<Number> dvrLengthMs, ObservableValue<LiveStream> stream) {
        healthText = Bindings.createStringBinding(() -> {
            if (!connectionTrouble.get().isEmpty()) {
                return "SERVER UNREACHABLE — " + connectionTrouble.get();
            }
            StreamState s = state.get();
            String word = switch (health.get()) {
                case LIVE -> "LIVE";
                case STALLED -> "STALLED";
                case DISCONNECTED -> "NO SIGNAL";
                case STOPPED -> "STOPPED";
                case STARTING -> "STARTING";
                case DISK_FULL -> "DISK FULL";
            };
            return s == null || s.healthDetail().isEmpty() || health.get() == SourceHealth.LIVE
                    ? word : word + " — " + s.healthDetail();
        }, state, health, connectionTrouble);
        dvrText = Bindings.createStringBinding(() -> "DVR " + ClipFormViewModel.span(dvrLengthMs.getValue().longValue() / 1000)
                + (stream.getValue() == null ? "" : " of " + ClipFormViewModel.span(stream.getValue().dvrDurationS())),
                dvrLengthMs, stream);
        diskText = Bindings.createStringBinding(() -> {
            Disk d = disk.get();
            if (d.freeBytes() < 0) {
                return "Disk —";
            }
            return (d.full() ? "DISK FULL · " : "") + "DVR uses " + bytes(d.dvrBytes()) + " · free "
                    + bytes(d.freeBytes()) + " of " + bytes(d.totalBytes());
        }, disk);
        playerText = Bindings.createStringBinding(() -> {
            PlayerStatus p = player.getValue();
            String mode = p.live() ? "live, " + String.format(Locale.ROOT, "%.1f s behind", p.latencyMs() / 1000.0)
                    : p.playing() ? (p.rate() == 1 ? "playing DVR" : rateText(p.rate())) : "paused";
            return "Player " + mode + (p.recoveries() > 0 ? " · " + p.recoveries() + " recovered" : "")
                    + (soundNote.getValue().isEmpty() ? "" : " · " + soundNote.getValue());
        }, player, soundNote);
    }

    /** "slow ½×", "slow ¼×", "shuttle 2×", "shuttle −4×". */
    static String rateText(double rate) {
        if (rate > 0 && rate < 1) {
            return "slow " + (rate == 0.5 ? "½" : rate == 0.25 ? "¼" : String.valueOf(rate)) + "×";
        }
        return "shuttle " + (rate < 0 ? "−" : "") + Math.round(Math.abs(rate)) + "×";
    }

    void update(StreamState newState, Disk newDisk) {
        state.set(newState);
        health.set(newState.health());
        disk.set(newDisk);
    }

    /** @param trouble one sentence ("" once the engine answers again) */
    void setConnectionTrouble(String trouble) {
        connectionTrouble.set(trouble == null ? "" : trouble);
    }

    void setEngineAddress(String address) {
        engineAddress.set(address);
    }

    static String bytes(long n) {
        if (n < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f MB", n / 1048576.0);
        }
        return String.format(Locale.ROOT, "%.1f GB", n / 1073741824.0);
    }

    public ReadOnlyObjectProperty<SourceHealth> healthProperty() { return health.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Disk> diskProperty() { return disk.getReadOnlyProperty(); }
    public ReadOnlyStringProperty engineAddressProperty() { return engineAddress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty connectionTroubleProperty() { return connectionTrouble.getReadOnlyProperty(); }
    public StringBinding healthTextProperty() { return healthText; }
    public StringBinding dvrTextProperty() { return dvrText; }
    public StringBinding diskTextProperty() { return diskText; }
    public StringBinding playerTextProperty() { return playerText; }
}
