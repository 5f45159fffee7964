package io.clipdesk.store;

import io.clipdesk.engine.storage.SettingsRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;

/** The {@code settings} table. Failure messages name the key, never the value (one of them is the API key hash). */
public final class SqliteSettingsRepository implements SettingsRepository {

    static final String TABLE = "settings";
    static final String KEY = "key";
    static final String VALUE = "value";

    static final String GET = "SELECT " + VALUE + " FROM " + TABLE + " WHERE " + KEY + " = ?";
    static final String PUT = "INSERT INTO " + TABLE + " (" + KEY + ", " + VALUE + ") VALUES (?, ?)"
            + " ON CONFLICT (" + KEY + ") DO UPDATE SET " + VALUE + " = excluded." + VALUE;

    private final Database database;

    public SqliteSettingsRepository(Database database) {
        this.database = database;
    }

    @Override
    public Optional<String> get(String key) {
        Objects.requireNonNull(key, "key");
        return database.run("get setting " + key, c -> {
            try (PreparedStatement statement = c.prepareStatement(GET)) {
                statement.setString(1, key);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(VALUE)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public void put(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        database.run("put setting " + key, c -> {
            try (PreparedStatement statement = c.prepareStatement(PUT)) {
                statement.setString(1, key);
                statement.setString(2, value);
                return statement.executeUpdate();
            }
        });
    }
}
