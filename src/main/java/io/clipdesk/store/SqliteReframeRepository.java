package io.clipdesk.store;

import io.clipdesk.engine.reframe.CropPath;
import io.clipdesk.engine.reframe.Reframe;
import io.clipdesk.engine.reframe.ReframeAspect;
import io.clipdesk.engine.reframe.ReframeRepository;
import io.clipdesk.engine.reframe.ReframeStatus;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code reframes} table. The crop path is stored as text, one key per line: {@code atMs centerX centerY}
 * (fractions with a dot), short and readable in the sqlite3 shell.
 */
public final class SqliteReframeRepository implements ReframeRepository {

    static final String TABLE = "reframes";
    private static final String COLUMNS = "id, clip_id, stream_id, aspect, crop, status, error, created_at_ms,"
            + " duration_ms";
    static final String INSERT = "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE = "UPDATE " + TABLE + " SET clip_id = ?, stream_id = ?, aspect = ?, crop = ?,"
            + " status = ?, error = ?, created_at_ms = ?, duration_ms = ? WHERE id = ?";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM " + TABLE;

    private final Database database;

    public SqliteReframeRepository(Database database) {
        this.database = database;
    }

    @Override
    public void insert(Reframe reframe) {
        database.run("insert reframe " + reframe.id(), c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, reframe.id());
                bind(s, 2, reframe);
                return s.executeUpdate();
            }
        });
    }

    /** A reframe deleted meanwhile stays deleted. */
    @Override
    public void update(Reframe reframe) {
        database.run("update reframe " + reframe.id(), c -> {
            try (PreparedStatement s = c.prepareStatement(UPDATE)) {
                bind(s, 1, reframe);
                s.setString(9, reframe.id());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Reframe> find(String id) {
        return query("find reframe " + id, SELECT + " WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public List<Reframe> listByClip(String clipId) {
        List<Reframe> list = new ArrayList<>(query("list reframes of clip " + clipId, SELECT + " WHERE clip_id = ?",
                clipId));
        list.sort(Comparator.comparing(Reframe::aspect));
        return list;
    }

    @Override
    public List<Reframe> listAll() {
        return query("list reframes", SELECT + " ORDER BY created_at_ms, id", null);
    }

    @Override
    public void delete(String id) {
        database.run("delete reframe " + id, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + TABLE + " WHERE id = ?")) {
                s.setString(1, id);
                return s.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement s, int first, Reframe r) throws SQLException {
        s.setString(first, r.clipId());
        s.setLong(first + 1, r.streamId());
        s.setString(first + 2, EnumColumn.write(r.aspect()));
        s.setString(first + 3, writeCrop(r.crop()));
        s.setString(first + 4, EnumColumn.write(r.status()));
        s.setString(first + 5, r.error());
        s.setLong(first + 6, r.createdAtMs());
        s.setLong(first + 7, r.durationMs());
    }

    private List<Reframe> query(String action, String sql, String param) {
        return database.run(action, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (param != null) {
                    s.setString(1, param);
                }
                return Rows.readAll(s, SqliteReframeRepository::read);
            }
        });
    }

    private static Reframe read(ResultSet row) throws SQLException {
        String id = row.getString("id");
        try {
            ReframeStatus status = EnumColumn.read(ReframeStatus.class, row.getString("status"));
            return new Reframe(id, row.getString("clip_id"), row.getLong("stream_id"),
                    EnumColumn.read(ReframeAspect.class, row.getString("aspect")), readCrop(row.getString("crop")),
                    status, row.getString("error"), row.getLong("created_at_ms"), row.getLong("duration_ms"),
                    status == ReframeStatus.READY ? 1 : 0);
        } catch (IllegalArgumentException e) {
            throw new SQLDataException("stored reframe " + id + " is invalid: " + e.getMessage(), e);
        }
    }

    static String writeCrop(CropPath crop) {
        StringBuilder text = new StringBuilder();
        for (CropPath.Key k : crop.keys()) {
            text.append(String.format(Locale.ROOT, "%d %.6f %.6f%n", k.atMs(), k.centerX(), k.centerY()));
        }
        return text.toString();
    }

    static CropPath readCrop(String text) {
        List<CropPath.Key> keys = new ArrayList<>();
        for (String line : text.strip().split("\\R")) {
            String[] f = line.strip().split(" ");
            keys.add(new CropPath.Key(Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])));
        }
        return new CropPath(keys);
    }
}
