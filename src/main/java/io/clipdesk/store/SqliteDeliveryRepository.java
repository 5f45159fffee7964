package io.clipdesk.store;

import io.clipdesk.engine.delivery.Delivery;
import io.clipdesk.engine.delivery.DeliveryRepository;
import io.clipdesk.engine.delivery.DeliveryStatus;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code deliveries} table: one row per send of a clip to a destination, its receipt included. */
public final class SqliteDeliveryRepository implements DeliveryRepository {

    static final String TABLE = "deliveries";
    static final String ID = "id";
    static final String CLIP_ID = "clip_id";
    static final String CLIP_NAME = "clip_name";
    static final String DESTINATION_ID = "destination_id";
    static final String DESTINATION_NAME = "destination_name";
    static final String ORIGIN = "origin";
    static final String STATUS = "status";
    static final String ATTEMPTS = "attempts";
    static final String INTERRUPTIONS = "interruptions";
    static final String BYTES_SENT = "bytes_sent";
    static final String BYTES_TOTAL = "bytes_total";
    static final String ANSWER = "answer";
    static final String CREATED_AT_MS = "created_at_ms";
    static final String UPDATED_AT_MS = "updated_at_ms";
    static final String NEXT_ATTEMPT_AT_MS = "next_attempt_at_ms";

    /** Every column but the id, in the order {@link #bind} binds them. */
    private static final List<String> VALUES = List.of(CLIP_ID, CLIP_NAME, DESTINATION_ID, DESTINATION_NAME, ORIGIN,
            STATUS, ATTEMPTS, INTERRUPTIONS, BYTES_SENT, BYTES_TOTAL, ANSWER, CREATED_AT_MS, UPDATED_AT_MS,
            NEXT_ATTEMPT_AT_MS);
    private static final String SELECT = "SELECT " + ID + ", " + String.join(", ", VALUES) + " FROM " + TABLE;
    private static final String NEWEST_FIRST = " ORDER BY " + CREATED_AT_MS + " DESC, " + ID + " DESC";

    static final String INSERT = "INSERT INTO " + TABLE + " (" + String.join(", ", VALUES) + ") VALUES ("
            + "?, ".repeat(VALUES.size() - 1) + "?) RETURNING " + ID;
    static final String UPDATE = "UPDATE " + TABLE + " SET " + String.join(" = ?, ", VALUES) + " = ? WHERE " + ID
            + " = ?";
    static final String FIND = SELECT + " WHERE " + ID + " = ?";
    static final String UNFINISHED = SELECT + " WHERE " + STATUS + " NOT IN ('" + DeliveryStatus.SENT.name() + "', '"
            + DeliveryStatus.FAILED.name() + "') ORDER BY " + CREATED_AT_MS + ", " + ID;
    static final String OF_CLIP = SELECT + " WHERE " + CLIP_ID + " = ?" + NEWEST_FIRST;
    static final String RECENT = SELECT + NEWEST_FIRST + " LIMIT ?";

    private final Database database;

    public SqliteDeliveryRepository(Database database) {
        this.database = database;
    }

    @Override
    public Delivery insert(Delivery delivery) {
        if (delivery.id() != 0) {
            throw new IllegalArgumentException("a new delivery has id 0, got " + delivery.id());
        }
        long id = database.run("insert delivery of clip " + delivery.clipId(), c -> {
            try (PreparedStatement statement = c.prepareStatement(INSERT)) {
                bind(statement, delivery);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
        return delivery.withId(id);
    }

    @Override
    public void update(Delivery delivery) {
        database.run("update delivery " + delivery.id(), c -> {
            try (PreparedStatement statement = c.prepareStatement(UPDATE)) {
                bind(statement, delivery);
                statement.setLong(VALUES.size() + 1, delivery.id());
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Delivery> find(long id) {
        return database.run("find delivery " + id, c -> {
            try (PreparedStatement statement = c.prepareStatement(FIND)) {
                statement.setLong(1, id);
                return Rows.readAll(statement, SqliteDeliveryRepository::read).stream().findFirst();
            }
        });
    }

    @Override
    public List<Delivery> unfinished() {
        return database.run("list unfinished deliveries", c -> {
            try (PreparedStatement statement = c.prepareStatement(UNFINISHED)) {
                return Rows.readAll(statement, SqliteDeliveryRepository::read);
            }
        });
    }

    @Override
    public List<Delivery> ofClip(String clipId) {
        return database.run("list deliveries of clip " + clipId, c -> {
            try (PreparedStatement statement = c.prepareStatement(OF_CLIP)) {
                statement.setString(1, clipId);
                return Rows.readAll(statement, SqliteDeliveryRepository::read);
            }
        });
    }

    @Override
    public List<Delivery> recent(int limit) {
        return database.run("list recent deliveries", c -> {
            try (PreparedStatement statement = c.prepareStatement(RECENT)) {
                statement.setInt(1, limit);
                return Rows.readAll(statement, SqliteDeliveryRepository::read);
            }
        });
    }

    private static void bind(PreparedStatement statement, Delivery d) throws SQLException {
        int i = 1;
        statement.setString(i++, d.clipId());
        statement.setString(i++, d.clipName());
        statement.setLong(i++, d.destinationId());
        statement.setString(i++, d.destinationName());
        statement.setString(i++, d.origin());
        statement.setString(i++, EnumColumn.write(d.status()));
        statement.setInt(i++, d.attempts());
        statement.setInt(i++, d.interruptions());
        statement.setLong(i++, d.bytesSent());
        statement.setLong(i++, d.bytesTotal());
        statement.setString(i++, d.answer());
        statement.setLong(i++, d.createdAtMs());
        statement.setLong(i++, d.updatedAtMs());
        statement.setLong(i, d.nextAttemptAtMs());
    }

    private static Delivery read(ResultSet row) throws SQLException {
        return new Delivery(row.getLong(ID), row.getString(CLIP_ID), row.getString(CLIP_NAME),
                row.getLong(DESTINATION_ID), row.getString(DESTINATION_NAME), row.getString(ORIGIN),
                EnumColumn.read(DeliveryStatus.class, row.getString(STATUS)), row.getInt(ATTEMPTS),
                row.getInt(INTERRUPTIONS), row.getLong(BYTES_SENT), row.getLong(BYTES_TOTAL), row.getString(ANSWER),
                row.getLong(CREATED_AT_MS), row.getLong(UPDATED_AT_MS), row.getLong(NEXT_ATTEMPT_AT_MS));
    }
}
