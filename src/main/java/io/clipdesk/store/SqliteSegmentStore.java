package io.clipdesk.store;

import io.clipdesk.engine.dvr.DvrSlice;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentStore;
import io.clipdesk.engine.sound.AudioEnvelope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The {@code segments} table, the DVR index, and its {@code envelopes} (each segment's audio levels, inserted in
 * the segment's transaction and deleted by the foreign key with its row). Every time query is a range of the
 * index on (stream_id, start_ms) bounded on both sides, so its cost follows the rows it returns, not the DVR's
 * length; end_ms is stored so the overlap and retention tests need no arithmetic on the row.
 */
public final class SqliteSegmentStore implements SegmentStore {

    static final String TABLE = "segments";
    static final String STREAM_ID = "stream_id";
    static final String SEQUENCE = "sequence";
    static final String START_MS = "start_ms";
    static final String END_MS = "end_ms";
    static final String DURATION_US = "duration_us";
    static final String DISCONTINUITY = "discontinuity";

    private static final String COLUMNS = String.join(", ", STREAM_ID, SEQUENCE, START_MS, DURATION_US,
            DISCONTINUITY);
    private static final String SELECT = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + STREAM_ID + " = ?";
    private static final String OLDEST_FIRST = " ORDER BY " + START_MS + ", " + SEQUENCE;
    private static final String NEWEST_FIRST = " ORDER BY " + START_MS + " DESC, " + SEQUENCE + " DESC";

    static final String INSERT = "INSERT INTO " + TABLE + " (" + STREAM_ID + ", " + SEQUENCE + ", " + START_MS
            + ", " + END_MS + ", " + DURATION_US + ", " + DISCONTINUITY + ") VALUES (?, ?, ?, ?, ?, ?)";
    /**
     * An overlapping segment starts before {@code to} and ends after {@code from}, so it starts no earlier than
     * {@code from} minus the stream's longest segment: that lower bound (one index seek) keeps the scan to the
     * window instead of everything before {@code to}. Parameters: stream, to, from, from, stream.
     */
    static final String OVERLAPPING = SELECT + " AND " + START_MS + " < ? AND " + END_MS + " > ? AND " + START_MS
            + " >= ? - (SELECT MAX(" + DURATION_US + ") FROM " + TABLE + " WHERE " + STREAM_ID + " = ?) / 1000"
            + OLDEST_FIRST;
    static final String LATEST = SELECT + NEWEST_FIRST + " LIMIT ?";
    static final String OLDEST = SELECT + OLDEST_FIRST + " LIMIT 1";
    static final String NEWEST = SELECT + NEWEST_FIRST + " LIMIT 1";
    /** A segment never starts after it ends, so {@code start_ms <= ?} bounds the scan. Parameters: stream, end, end. */
    static final String ENDED_BY = SELECT + " AND " + START_MS + " <= ? AND " + END_MS + " <= ?" + OLDEST_FIRST;
    static final String ENVELOPES = "envelopes";
    static final String BUCKET_MS = "bucket_ms";
    static final String LEVELS = "levels";
    static final String INSERT_ENVELOPE = "INSERT INTO " + ENVELOPES + " (" + STREAM_ID + ", " + SEQUENCE + ", "
            + START_MS + ", " + BUCKET_MS + ", " + LEVELS + ") VALUES (?, ?, ?, ?, ?)";
    /** The envelopes of the segments {@link #OVERLAPPING} finds, by the same index search. Same parameters. */
    static final String ENVELOPES_OVERLAPPING = "SELECT e." + START_MS + ", e." + BUCKET_MS + ", e." + LEVELS
            + " FROM " + TABLE + " s JOIN " + ENVELOPES + " e ON e." + STREAM_ID + " = s." + STREAM_ID + " AND e."
            + SEQUENCE + " = s." + SEQUENCE + " WHERE s." + STREAM_ID + " = ? AND s." + START_MS + " < ? AND s."
            + END_MS + " > ? AND s." + START_MS + " >= ? - (SELECT MAX(" + DURATION_US + ") FROM " + TABLE
            + " WHERE " + STREAM_ID + " = ?) / 1000 ORDER BY s." + START_MS + ", s." + SEQUENCE;
    /** Envelopes go with their segment's row (the foreign key cascades), so deletes name segments only. */
    static final String DELETE = "DELETE FROM " + TABLE + " WHERE " + STREAM_ID + " = ? AND " + SEQUENCE + " = ?";
    static final String DELETE_ALL = "DELETE FROM " + TABLE + " WHERE " + STREAM_ID + " = ?";
    static final String COUNT = "SELECT COUNT(*) FROM " + TABLE + " WHERE " + STREAM_ID + " = ?";

    private final Database database;

    public SqliteSegmentStore(Database database) {
        this.database = database;
    }

    /** Fails (StoreException) for a sequence already stored or a stream that does not exist. */
    @Override
    public void insert(Segment segment, AudioEnvelope envelope) {
        database.inTransaction("insert segment " + segment.streamId() + "/" + segment.sequence(), c -> {
            try (PreparedStatement statement = c.prepareStatement(INSERT)) {
                statement.setLong(1, segment.streamId());
                statement.setLong(2, segment.sequence());
                statement.setLong(3, segment.startMs());
                statement.setLong(4, segment.endMs());
                statement.setLong(5, segment.durationUs());
                statement.setBoolean(6, segment.discontinuity());
                statement.executeUpdate();
            }
            if (envelope.isEmpty()) {
                return null;
            }
            try (PreparedStatement statement = c.prepareStatement(INSERT_ENVELOPE)) {
                statement.setLong(1, segment.streamId());
                statement.setLong(2, segment.sequence());
                statement.setLong(3, envelope.startMs());
                statement.setInt(4, envelope.bucketMs());
                statement.setBytes(5, EnvelopeLevels.encode(envelope));
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public List<AudioEnvelope> envelopes(long streamId, long fromMs, long toMs) {
        return database.run("find envelopes of stream " + streamId, c -> {
            try (PreparedStatement statement = c.prepareStatement(ENVELOPES_OVERLAPPING)) {
                bind(statement, streamId, toMs, fromMs, fromMs, streamId);
                return Rows.readAll(statement, row -> EnvelopeLevels.decode(row.getLong(1), row.getInt(2),
                        row.getBytes(3)));
            }
        });
    }

    @Override
    public List<Segment> overlapping(long streamId, long fromMs, long toMs) {
        return query("find segments overlapping a window", OVERLAPPING, streamId, toMs, fromMs, fromMs, streamId);
    }

    /** Three statements on the one connection while holding its lock: ingest cannot insert in between. */
    @Override
    public DvrSlice slice(long streamId, long fromMs, long toMs) {
        return database.run("read a DVR slice of stream " + streamId, c -> {
            List<Segment> overlapping = read(c, OVERLAPPING, streamId, toMs, fromMs, fromMs, streamId);
            List<Segment> oldest = read(c, OLDEST, streamId);
            List<Segment> newest = read(c, NEWEST, streamId);
            DvrWindow window = oldest.isEmpty() || newest.isEmpty() ? DvrWindow.EMPTY
                    : new DvrWindow(oldest.get(0).startMs(), newest.get(0).endMs());
            return new DvrSlice(overlapping, window);
        });
    }

    @Override
    public List<Segment> latest(long streamId, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        List<Segment> newestFirst = new ArrayList<>(query("find latest segments", LATEST, streamId, count));
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst);
    }

    @Override
    public Optional<Segment> oldest(long streamId) {
        return query("find oldest segment", OLDEST, streamId).stream().findFirst();
    }

    @Override
    public Optional<Segment> newest(long streamId) {
        return query("find newest segment", NEWEST, streamId).stream().findFirst();
    }

    @Override
    public List<Segment> endedBy(long streamId, long endMs) {
        return query("find segments ended by a time", ENDED_BY, streamId, endMs, endMs);
    }

    @Override
    public void delete(long streamId, long sequence) {
        update("delete segment " + streamId + "/" + sequence, DELETE, streamId, sequence);
    }

    @Override
    public void deleteAll(long streamId) {
        update("delete segments of stream " + streamId, DELETE_ALL, streamId);
    }

    @Override
    public int count(long streamId) {
        return database.run("count segments of stream " + streamId, c -> {
            try (PreparedStatement statement = c.prepareStatement(COUNT)) {
                statement.setLong(1, streamId);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? rows.getInt(1) : 0;
                }
            }
        });
    }

    private void update(String action, String sql, long... parameters) {
        database.run(action, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                bind(statement, parameters);
                return statement.executeUpdate();
            }
        });
    }

    private List<Segment> query(String action, String sql, long... parameters) {
        return database.run(action + " of stream " + parameters[0], c -> read(c, sql, parameters));
    }

    private static List<Segment> read(Connection c, String sql, long... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, parameters);
            return Rows.readAll(statement, SqliteSegmentStore::read);
        }
    }

    private static void bind(PreparedStatement statement, long... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setLong(i + 1, parameters[i]);
        }
    }

    private static Segment read(ResultSet row) throws SQLException {
        try {
            return new Segment(row.getLong(STREAM_ID), row.getLong(SEQUENCE), row.getLong(START_MS),
                    row.getLong(DURATION_US), row.getBoolean(DISCONTINUITY));
        } catch (IllegalArgumentException e) {
            throw new SQLDataException("stored segment is invalid: " + e.getMessage(), e);
        }
    }
}
