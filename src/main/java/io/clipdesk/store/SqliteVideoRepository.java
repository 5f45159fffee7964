package io.clipdesk.store;

import io.clipdesk.engine.video.Video;
import io.clipdesk.engine.video.VideoRepository;
import io.clipdesk.engine.video.VideoStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code videos} table. Ids come from AUTOINCREMENT: increasing and never reused, because a video's id is in
 * its URLs and a deleted video's links must not start showing another one.
 */
public final class SqliteVideoRepository implements VideoRepository {

    static final String TABLE = "videos";
    static final String ID = "id";
    static final String MEDIA_KEY = "media_key";
    static final String STREAM_ID = "stream_id";
    static final String CLIP_ID = "clip_id";
    static final String NAME = "name";
    static final String STATUS = "status";
    static final String ERROR = "error";
    static final String DURATION_MS = "duration_ms";
    static final String CREATED_AT_MS = "created_at_ms";
    static final String RENDITIONS = "renditions";

    /** Every column but the id, in the order {@link #bindValues} binds them. */
    private static final List<String> VALUES = Stream.concat(Stream.of(MEDIA_KEY, STREAM_ID, CLIP_ID, NAME, STATUS,
            ERROR, DURATION_MS, CREATED_AT_MS, RENDITIONS), DescriptionColumns.ALL.stream()).toList();
    private static final String SELECT = "SELECT " + ID + ", " + String.join(", ", VALUES) + " FROM " + TABLE;

    static final String INSERT = "INSERT INTO " + TABLE + " (" + String.join(", ", VALUES) + ") VALUES ("
            + "?, ".repeat(VALUES.size() - 1) + "?) RETURNING " + ID;
    static final String UPDATE = "UPDATE " + TABLE + " SET " + String.join(" = ?, ", VALUES) + " = ? WHERE " + ID
            + " = ?";
    static final String FIND = SELECT + " WHERE " + ID + " = ?";
    static final String LIST = SELECT + " ORDER BY " + CREATED_AT_MS + " DESC, " + ID + " DESC";
    static final String DELETE = "DELETE FROM " + TABLE + " WHERE " + ID + " = ?";

    private final Database database;

    public SqliteVideoRepository(Database database) {
        this.database = database;
    }

    @Override
    public Video insert(Video video) {
        if (video.id() != 0) {
            throw new IllegalArgumentException("a new video has id 0, got " + video.id());
        }
        long id = database.run("insert video of clip " + video.clipId(), c -> {
            try (PreparedStatement statement = c.prepareStatement(INSERT)) {
                bindValues(statement, video);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
        return video.withId(id);
    }

    /** Changes every field but the id; a video deleted meanwhile stays deleted. */
    @Override
    public void update(Video video) {
        database.run("update video " + video.id(), c -> {
            try (PreparedStatement statement = c.prepareStatement(UPDATE)) {
                bindValues(statement, video);
                statement.setLong(VALUES.size() + 1, video.id());
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Video> find(long id) {
        return query("find video " + id, FIND, id).stream().findFirst();
    }

    /** Newest created first; equal times newest id first. */
    @Override
    public List<Video> list() {
        return query("list videos", LIST, null);
    }

    @Override
    public void delete(long id) {
        database.run("delete video " + id, c -> {
            try (PreparedStatement statement = c.prepareStatement(DELETE)) {
                statement.setLong(1, id);
                return statement.executeUpdate();
            }
        });
    }

    private static void bindValues(PreparedStatement statement, Video video) throws SQLException {
        statement.setString(1, video.mediaKey());
        statement.setLong(2, video.streamId());
        statement.setString(3, video.clipId());
        statement.setString(4, video.name());
        statement.setString(5, EnumColumn.write(video.status()));
        statement.setString(6, video.error());
        statement.setLong(7, video.durationMs());
        statement.setLong(8, video.createdAtMs());
        statement.setString(9, RenditionColumns.namesToJson(video.renditions()));
        DescriptionColumns.bind(statement, 10, video.description());
    }

    /** {@code id} null runs the statement without parameters. */
    private List<Video> query(String action, String sql, Long id) {
        return database.run(action, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                if (id != null) {
                    statement.setLong(1, id);
                }
                return Rows.readAll(statement, SqliteVideoRepository::read);
            }
        });
    }

    private static Video read(ResultSet row) throws SQLException {
        long id = row.getLong(ID);
        try {
            return new Video(id, row.getString(MEDIA_KEY), row.getLong(STREAM_ID), row.getString(CLIP_ID),
                    row.getString(NAME), EnumColumn.read(VideoStatus.class, row.getString(STATUS)),
                    row.getString(ERROR), row.getLong(DURATION_MS), row.getLong(CREATED_AT_MS),
                    RenditionColumns.namesFromJson(row.getString(RENDITIONS)), DescriptionColumns.read(row));
        } catch (IllegalArgumentException | SQLDataException e) {
            throw new SQLDataException("stored video " + id + " is invalid: " + e.getMessage(), e);
        }
    }
}
