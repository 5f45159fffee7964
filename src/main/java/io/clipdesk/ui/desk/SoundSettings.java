package io.clipdesk.ui.desk;

import io.clipdesk.desk.DeskBackend;

/**
 * The desk's listening level, kept in the engine's settings so it outlives the session and a switch of stream:
 * volume 0–100 and mute. Until set, or if the stored text cannot be read, full volume and not muted.
 */
public record SoundSettings(int volumePercent, boolean muted) {

    static final String VOLUME_KEY = "ui.sound.volume";
    static final String MUTED_KEY = "ui.sound.muted";
    static final SoundSettings DEFAULT = new SoundSettings(100, false);

    public SoundSettings {
        volumePercent = Math.max(0, Math.min(100, volumePercent));
    }

    public static SoundSettings load(DeskBackend settings) {
        int volume;
        try {
            volume = settings.setting(VOLUME_KEY).map(Integer::parseInt).orElse(DEFAULT.volumePercent());
        } catch (NumberFormatException e) {
            volume = DEFAULT.volumePercent();
        }
        return new SoundSettings(volume, settings.setting(MUTED_KEY).map(Boolean::parseBoolean).orElse(false));
    }

    void save(DeskBackend settings) {
        settings.putSetting(VOLUME_KEY, Integer.toString(volumePercent));
        settings.putSetting(MUTED_KEY, Boolean.toString(muted));
    }
}
