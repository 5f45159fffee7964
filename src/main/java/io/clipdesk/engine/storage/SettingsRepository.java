package io.clipdesk.engine.storage;

import java.util.Optional;

/** Small key/value settings (API key hash, UI presets). */
public interface SettingsRepository {

    Optional<String> get(String key);

    void put(String key, String value);
}
