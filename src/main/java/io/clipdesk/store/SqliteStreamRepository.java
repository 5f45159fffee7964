package io.clipdesk.store;

import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.engine.stream.StreamRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code streams} table. Ids come from AUTOINCREMENT, so a deleted stream's id is never handed out again. */
public final class SqliteStreamRepository implements StreamRepository {

    static final String TABLE = "streams";
    static final String ID = "id";
    static final String NAME = "name";
    static final String SOURCE_KIND = "source_kind";
    static final String SOURCE_URI = "source_uri";
    static final String DVR_ENABLED = "dvr_enabled";
    static final String DVR_DURATION_S = "dvr_duration_s";
    static final String MEDIA_KEY = "media_key";
    static final String CREATED_AT_MS = "created_at_ms";
    static final String RENDITIONS = "renditions";

    private static final String VALUES = String.join(", ", NAME, SOURCE_KIND, SOURCE_URI, DVR_ENABLED,
            DVR_DURATION_S, MEDIA_KEY, CREATED_AT_MS, RENDITIONS);
    private static final String COLUMNS = ID + ", " + VALUES;

    static final String INSERT = "INSERT INTO " + TABLE + " (" + VALUES + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " RETURNING " + ID;
    static final String UPDATE = "UPDATE " + TABLE + " SET " + NAME + " = ?, " + SOURCE_KIND + " = ?, "
            + SOURCE_URI + " = ?, " + DVR_ENABLED + " = ?, " + DVR_DURATION_S + " = ?, " + MEDIA_KEY + " = ?, "
            + CREATED_AT_MS + " = ?, " + RENDITIONS + " = ? WHERE " + ID + " = ?";
    static final String FIND = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + ID + " = ?";
    static final String LIST = "SELECT " + COLUMNS + " FROM " + TABLE + " ORDER BY " + ID;
    static final String DELETE = "DELETE FROM " + TABLE + " WHERE " + ID + " = ?";

    private final Database database;

    public SqliteStreamRepository(Database database) {
        this.database = database;
    }

    @Override
    public LiveStream insert(LiveStream stream) {
        if (stream.id() != 0) {
            throw new IllegalArgumentException("a new stream has id 0, got " + stream.id());
        }
        long id = database.run("insert stream", c -> {
            try (PreparedStatement statement = c.prepareStatement(INSERT)) {
                bindValues(statement, stream);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
        return stream.withId(id);
    }

    /** Changes every field but the id; a stream deleted meanwhile stays deleted. */
    @Override
    public void update(LiveStream stream) {
        database.run("update stream " + stream.id(), c -> {
            try (PreparedStatement statement = c.prepareStatement(UPDATE)) {
                bindValues(statement, stream);
                statement.setLong(9, stream.id());
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public Optional<LiveStream> find(long id) {
        return database.run("find stream " + id, c -> {
            try (PreparedStatement statement = c.prepareStatement(FIND)) {
                statement.setLong(1, id);
                List<LiveStream> found = Rows.readAll(statement, SqliteStreamRepository::read);
                return found.stream().findFirst();
            }
        });
    }

    @Override
    public List<LiveStream> list() {
        return database.run("list streams", c -> {
            try (PreparedStatement statement = c.prepareStatement(LIST)) {
                return Rows.readAll(statement, SqliteStreamRepository::read);
            }
        });
    }

    /** Deletes the stream and, by foreign key, its segment rows; its clips and videos stay. */
    @Override
    public void delete(long id) {
        database.run("delete stream " + id, c -> {
            try (PreparedStatement statement = c.prepareStatement(DELETE)) {
                statement.setLong(1, id);
                return statement.executeUpdate();
            }
        });
    }

    private static void bindValues(PreparedStatement statement, LiveStream stream) throws SQLException {
        statement.setString(1, stream.name());
        statement.setString(2, EnumColumn.write(stream.source().kind()));
        statement.setString(3, stream.source().uri());
        statement.setBoolean(4, stream.dvrEnabled());
        statement.setInt(5, stream.dvrDurationS());
        statement.setString(6, stream.mediaKey());
        statement.setLong(7, stream.createdAtMs());
        statement.setString(8, RenditionColumns.ladderToJson(stream.renditions()));
    }

    private static LiveStream read(ResultSet row) throws SQLException {
        long id = row.getLong(ID);
        try {
            SourceSpec source = new SourceSpec(EnumColumn.read(SourceKind.class, row.getString(SOURCE_KIND)),
                    row.getString(SOURCE_URI));
            return new LiveStream(id, row.getString(NAME), source, row.getBoolean(DVR_ENABLED),
                    row.getInt(DVR_DURATION_S), row.getString(MEDIA_KEY), row.getLong(CREATED_AT_MS),
                    RenditionColumns.ladderFromJson(row.getString(RENDITIONS)));
        } catch (IllegalArgumentException | SQLDataException e) {
            throw new SQLDataException("stored stream " + id + " is invalid: " + e.getMessage(), e);
        }
    }
}
