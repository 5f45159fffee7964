package io.clipdesk.store;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipAccuracy;
import io.clipdesk.engine.clip.ClipRepository;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.clip.ExactRange;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The {@code clips} table. No foreign key to streams: a clip outlives the stream it was cut from. */
public final class SqliteClipRepository implements ClipRepository {

    static final String TABLE = "clips";
    static final String ID = "id";
    static final String STREAM_ID = "stream_id";
    static final String NAME = "name";
    static final String START_S = "start_s";
    static final String DURATION_S = "duration_s";
    static final String EXPIRATION_S = "expiration_s";
    static final String CREATED_AT_MS = "created_at_ms";
    static final String VOD_REQUIRED = "vod_required";
    static final String VIDEO_ID = "video_id";
    static final String RENDITIONS = "renditions";
    static final String STATUS = "status";
    static final String ERROR = "error";
    static final String CUT_START_MS = "cut_start_ms";
    static final String CUT_END_MS = "cut_end_ms";
    static final String ACCURACY = "accuracy";
    static final String GAP_MS = "gap_ms";
    static final String EXACT_FROM_MS = "exact_from_ms";
    static final String EXACT_TO_MS = "exact_to_ms";

    /** Every column but the id, in the order {@link #bindValues} binds them. */
    private static final List<String> VALUES = Stream.concat(Stream.of(STREAM_ID, NAME, START_S, DURATION_S,
            EXPIRATION_S, CREATED_AT_MS, VOD_REQUIRED, VIDEO_ID, RENDITIONS, STATUS, ERROR, CUT_START_MS, CUT_END_MS,
            ACCURACY, GAP_MS, EXACT_FROM_MS, EXACT_TO_MS), DescriptionColumns.ALL.stream()).toList();
    private static final String SELECT = "SELECT " + ID + ", " + String.join(", ", VALUES) + " FROM " + TABLE;

    static final String INSERT = "INSERT INTO " + TABLE + " (" + String.join(", ", VALUES) + ", " + ID
            + ") VALUES (" + "?, ".repeat(VALUES.size()) + "?)";
    static final String UPDATE = "UPDATE " + TABLE + " SET " + String.join(" = ?, ", VALUES) + " = ? WHERE " + ID
            + " = ?";
    static final String FIND = SELECT + " WHERE " + ID + " = ?";
    static final String LIST_BY_STREAM = SELECT + " WHERE " + STREAM_ID + " = ? ORDER BY " + START_S + " DESC, "
            + CREATED_AT_MS + " DESC, " + ID + " DESC";
    static final String LIST_BY_STATUS = SELECT + " WHERE " + STATUS + " = ? ORDER BY " + CREATED_AT_MS + ", " + ID;

    private final Database database;

    public SqliteClipRepository(Database database) {
        this.database = database;
    }

    @Override
    public void insert(Clip clip) {
        write("insert clip " + clip.id(), INSERT, clip);
    }

    /** Changes every field but the id; a clip that is not stored stays not stored. */
    @Override
    public void update(Clip clip) {
        write("update clip " + clip.id(), UPDATE, clip);
    }

    @Override
    public Optional<Clip> find(String id) {
        return query("find clip " + id, FIND, id).stream().findFirst();
    }

    @Override
    public List<Clip> listByStream(long streamId) {
        return query("list clips of stream " + streamId, LIST_BY_STREAM, streamId);
    }

    /** Oldest created first: the order a sweep should handle them in. */
    @Override
    public List<Clip> listByStatus(ClipStatus status) {
        return query("list " + status + " clips", LIST_BY_STATUS, EnumColumn.write(status));
    }

    private void write(String action, String sql, Clip clip) {
        database.run(action, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                bindValues(statement, clip);
                statement.setString(VALUES.size() + 1, clip.id());
                return statement.executeUpdate();
            }
        });
    }

    private static void bindValues(PreparedStatement statement, Clip clip) throws SQLException {
        statement.setLong(1, clip.streamId());
        statement.setString(2, clip.name());
        statement.setLong(3, clip.startS());
        statement.setInt(4, clip.durationS());
        statement.setLong(5, clip.expirationS());
        statement.setLong(6, clip.createdAtMs());
        statement.setBoolean(7, clip.vodRequired());
        statement.setLong(8, clip.videoId());
        statement.setString(9, RenditionColumns.namesToJson(clip.renditions()));
        statement.setString(10, EnumColumn.write(clip.status()));
        statement.setString(11, clip.error());
        statement.setLong(12, clip.cutStartMs());
        statement.setLong(13, clip.cutEndMs());
        statement.setString(14, EnumColumn.write(clip.accuracy()));
        statement.setLong(15, clip.gapMs());
        if (clip.exactRange().isPresent()) {
            statement.setLong(16, clip.exactRange().get().fromMs());
            statement.setLong(17, clip.exactRange().get().toMs());
        } else {
            statement.setNull(16, Types.INTEGER);
            statement.setNull(17, Types.INTEGER);
        }
        DescriptionColumns.bind(statement, 18, clip.description());
    }

    private List<Clip> query(String action, String sql, Object parameter) {
        return database.run(action, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setObject(1, parameter);
                return Rows.readAll(statement, SqliteClipRepository::read);
            }
        });
    }

    private static Optional<ExactRange> exactRange(ResultSet row) throws SQLException {
        long fromMs = row.getLong(EXACT_FROM_MS);
        if (row.wasNull()) {
            return Optional.empty();
        }
        return Optional.of(new ExactRange(fromMs, row.getLong(EXACT_TO_MS)));
    }

    private static Clip read(ResultSet row) throws SQLException {
        String id = row.getString(ID);
        try {
            return new Clip(id, row.getLong(STREAM_ID), row.getString(NAME), row.getLong(START_S),
                    row.getInt(DURATION_S), row.getLong(EXPIRATION_S), row.getLong(CREATED_AT_MS),
                    row.getBoolean(VOD_REQUIRED), row.getLong(VIDEO_ID),
                    RenditionColumns.namesFromJson(row.getString(RENDITIONS)),
                    EnumColumn.read(ClipStatus.class, row.getString(STATUS)), row.getString(ERROR),
                    row.getLong(CUT_START_MS), row.getLong(CUT_END_MS),
                    EnumColumn.read(ClipAccuracy.class, row.getString(ACCURACY)), row.getLong(GAP_MS),
                    exactRange(row), DescriptionColumns.read(row));
        } catch (IllegalArgumentException | SQLDataException e) {
            throw new SQLDataException("stored clip " + id + " is invalid: " + e.getMessage(), e);
        }
    }
}
